using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>Values files for the charts in charts/: one per exporter of ours in a domain, plus gateway and orchestrator.</summary>
internal static class HelmValuesBuilder
{
    public static YMap Exporter(Domain d, ExporterInfo info) => new()
    {
        ["kind"] = info.YamlName,
        ["domain"] = d.Name,
        ["port"] = info.DefaultPort,
        ["resources"] = Resources(info.CpuMillis, info.MemoryMiB),
    };

    public static YMap Gateway(Continuum c) => new()
    {
        ["domain"] = c.Entrypoint.Name,
        ["port"] = GatewayConfigBuilder.Port,
        ["config"] = GatewayConfigBuilder.Build(c),
        ["resources"] = Resources(ResourceSummary.GatewayCpuMillis, ResourceSummary.GatewayMemoryMiB),
    };

    public static YMap Orchestrator(Continuum c) => new()
    {
        ["domain"] = c.Entrypoint.Name,
        ["port"] = 9481,
        ["thanosQueryUrl"] = ThanosBuilder.QueryUrl(c, c.Entrypoint),
        ["resources"] = Resources(ResourceSummary.OrchestratorCpuMillis, ResourceSummary.OrchestratorMemoryMiB),
    };

    /// <summary>Requests at the seed's figures; the memory limit at twice the request leaves room for bursts.</summary>
    public static YMap Resources(int cpuMillis, int memoryMiB) => new()
    {
        ["requests"] = new YMap { ["cpu"] = $"{cpuMillis}m", ["memory"] = $"{memoryMiB}Mi" },
        ["limits"] = new YMap { ["memory"] = $"{memoryMiB * 2}Mi" },
    };
}
