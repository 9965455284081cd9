using Safe6G.Exporters.Sdk.Exposition;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.DataFabric.Tests;

public sealed class RepresentationTests
{
    private static async Task<string> Render(MetricSnapshot snapshot)
    {
        // Timing bookkeeping differs run to run; everything else must be identical.
        var filtered = new MetricSnapshot();
        foreach (var family in snapshot.Families.Where(f => f.Name is not "datafabric_broker_request_duration_seconds"))
            filtered.Add(family);
        using var stream = new MemoryStream();
        await SnapshotWriter.WriteAsync(stream, filtered, Prometheus.ExpositionFormat.PrometheusText, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Normalized_concise_and_simplified_give_identical_metrics(bool sdmQuirks)
    {
        await using var upv = await Brokers.StartAsync("upv", 60, sdmQuirks: sdmQuirks);
        var simplified = await Render(await Brokers.CollectAsync(Brokers.Broker(upv, "upv", format: "simplified")));
        var normalized = await Render(await Brokers.CollectAsync(Brokers.Broker(upv, "upv", format: "normalized")));
        var concise = await Render(await Brokers.CollectAsync(Brokers.Broker(upv, "upv", format: "concise")));
        Assert.Contains("datafabric_infrastructure_element_cpu_usage_ratio{", simplified);
        Assert.Equal(simplified, normalized);
        Assert.Equal(simplified, concise);
    }

    [Fact]
    public async Task Units_are_converted_and_unknown_sentinels_give_no_sample()
    {
        await using var upv = await Brokers.StartAsync("upv", 80);
        var snapshot = await Brokers.CollectAsync(Brokers.Broker(upv, "upv"));
        var cpu = snapshot.Find("datafabric_infrastructure_element_cpu_usage_ratio")!.Samples;
        Assert.All(cpu, s => Assert.InRange(s.Value, 0, 1));
        // The simulator leaves ~8% of IEs unmeasured (-1): they must be absent, never -0.01.
        Assert.InRange(cpu.Count, 1, 79);
        var ram = snapshot.Find("datafabric_infrastructure_element_ram_capacity_bytes")!.Samples;
        Assert.All(ram, s => Assert.True(s.Value >= 1e9 && s.Value % 1e6 == 0, $"{s.Value}"));
        Assert.DoesNotContain(snapshot.Families.SelectMany(f => f.Samples), s => s.Value < 0);
        var states = snapshot.Find("datafabric_infrastructure_element_status")!.Samples;
        Assert.Equal(80, states.Count(s => s.Value == 1));
        var arch = Brokers.LabelValues(snapshot, "datafabric_infrastructure_element_info", "cpu_architecture").ToHashSet();
        Assert.DoesNotContain("x64", arch);
        Assert.Contains("AMD64", arch);
    }
}
