using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Safe6G.Orchestration.Continuum;

namespace Safe6G.Orchestration.Bench;

/// <summary>Turning Prometheus's answer (the Data Fabric series of N IEs) into IE states: the other half of a decision's cost.</summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private byte[] _body = [];

    [Params(10_000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
        var first = true;
        void Add(string name, string ie, string extra, double value)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(CultureInfo.InvariantCulture, $"{{\"metric\":{{\"__name__\":\"datafabric_infrastructure_element_{name}\",\"domain\":\"upv\",\"ie\":\"{ie}\"{extra}}},\"value\":[1733227200,\"{value}\"]}}");
        }
        for (var i = 0; i < Candidates; i++)
        {
            var ie = $"upv:{i:x12}";
            Add("info", ie, ",\"hostname\":\"node\",\"tier\":\"Edge\",\"cpu_architecture\":\"AMD64\",\"operating_system\":\"Linux\",\"container_technology\":\"Kubernetes\",\"low_level_orchestrator\":\"upv:Kubernetes\",\"internal_ip\":\"10.0.0.1\"", 1);
            // The reader asks for `status == 1` only: one status series per IE.
            Add("status", ie, ",\"status\":\"Ready\"", 1);
            foreach (var m in new[] { "cpu_cores", "cpu_usage_ratio", "ram_capacity_bytes", "ram_available_bytes", "power_watts", "power_average_watts", "energy_efficiency_ratio", "trust_score", "realtime_capable" })
                Add(m, ie, "", 0.5);
        }
        sb.Append("]}}");
        _body = Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Benchmark]
    public int Parse()
    {
        using var doc = JsonDocument.Parse(_body);
        return PrometheusContinuumReader.Parse(doc.RootElement.GetProperty("data").GetProperty("result"), DateTimeOffset.UtcNow).Ies.Count;
    }
}
