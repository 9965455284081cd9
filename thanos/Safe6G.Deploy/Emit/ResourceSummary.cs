using System.Globalization;
using System.Text;
using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>Per-domain CPU/RAM requests from the seed's minimum figures (D3.2 §2.1.4, §3, §3.1).</summary>
internal static class ResourceSummary
{
    // Prometheus + Loki + Grafana + Thanos sidecar: "around 1.2-1.5 CPU and 1.5-2GB of RAM per domain" (§3); lower bound taken.
    public const int BaseStackCpuMillis = 1200;
    public const int BaseStackMemoryMiB = 1536;

    // "extended by 1 CPU and 1 GB of RAM in the domain where the central Thanos components are deployed" (§3).
    public const int CentralThanosCpuMillis = 1000;
    public const int CentralThanosMemoryMiB = 1024;

    // KrakenD API gateway figure (§2.1.4, Table 5), used for our gateway.
    public const int GatewayCpuMillis = 250;
    public const int GatewayMemoryMiB = 128;

    // The seed gives no figure for the orchestrator; this is our own estimate, flagged as such in the summary.
    public const int OrchestratorCpuMillis = 100;
    public const int OrchestratorMemoryMiB = 128;

    public static IReadOnlyList<(string Item, int CpuMillis, int MemoryMiB)> Lines(Continuum c, Domain d)
    {
        var lines = new List<(string, int, int)>
        {
            ("monitoring stack (Prometheus, Loki, Grafana, Thanos sidecar)", BaseStackCpuMillis, BaseStackMemoryMiB),
        };
        if (d.Name == c.Thanos.Domain)
        {
            lines.Add(("central Thanos (Query, Store Gateway, Compactor)", CentralThanosCpuMillis, CentralThanosMemoryMiB));
        }

        if (d.Name == c.Entrypoint.Name)
        {
            lines.Add(("gateway", GatewayCpuMillis, GatewayMemoryMiB));
            lines.Add(("orchestrator (estimate, not in the seed)", OrchestratorCpuMillis, OrchestratorMemoryMiB));
        }

        foreach (var e in d.Exporters)
        {
            var info = ExporterCatalog.Get(e.Kind);
            if (info.Placement != ExporterPlacement.PerIe)
            {
                lines.Add(($"{info.YamlName} exporter", info.CpuMillis, info.MemoryMiB));
            }
        }

        var ieKinds = d.Exporters.Where(e => ExporterCatalog.Get(e.Kind).Placement == ExporterPlacement.PerIe).ToList();
        if (ieKinds.Count > 0)
        {
            var ies = d.InfrastructureElements.Count;
            var names = string.Join("+", ieKinds.Select(e => ExporterCatalog.Get(e.Kind).YamlName));
            lines.Add(($"per-IE exporters ({names}) x {ies} IE", ExporterCatalog.PerIeCpuMillis * ies, ExporterCatalog.PerIeMemoryMiB * ies));
        }

        return lines;
    }

    public static string Text(Continuum c)
    {
        var sb = new StringBuilder();
        sb.Append("Resource requests per domain (minimum figures from SAFE-6G D3.2):\n");
        int totalCpu = 0, totalMem = 0;
        foreach (var d in c.Domains)
        {
            var lines = Lines(c, d);
            var cpu = lines.Sum(l => l.CpuMillis);
            var mem = lines.Sum(l => l.MemoryMiB);
            totalCpu += cpu;
            totalMem += mem;
            sb.Append(CultureInfo.InvariantCulture, $"  {d.Name}: {Cpu(cpu)} CPU, {mem} MiB\n");
            foreach (var (item, c1, m1) in lines)
            {
                sb.Append(CultureInfo.InvariantCulture, $"    {item,-62} {Cpu(c1),6} CPU {m1,6} MiB\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"  continuum total: {Cpu(totalCpu)} CPU, {totalMem} MiB\n");
        return sb.ToString();
    }

    private static string Cpu(int millis) => (millis / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
}
