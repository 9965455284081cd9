using Safe6G.Deploy.Model;

namespace Safe6G.Deploy;

/// <summary>What the generator knows about each exporter kind: YAML name, job, port, placement, seed resources.</summary>
internal sealed record ExporterInfo(
    ExporterKind Kind,
    string YamlName,
    string Job,
    int DefaultPort,
    ExporterPlacement Placement,
    int CpuMillis,
    int MemoryMiB,
    bool Ours);

/// <summary>Where instances of an exporter run, which decides how its targets are built.</summary>
internal enum ExporterPlacement
{
    /// <summary>One instance per infrastructure element, scraped at the IE's address.</summary>
    PerIe,

    /// <summary>One instance per domain (cluster), scraped at its service address.</summary>
    PerDomain,

    /// <summary>One instance in the whole continuum.</summary>
    PerContinuum,
}

/// <summary>The catalog of exporter kinds; resources are the seed's minimum figures (D3.2 §3.1).</summary>
internal static class ExporterCatalog
{
    // Per-IE adopted exporters share the seed's "0.100 vCPU and 300-400 MB per IE" figure; it is
    // charged once per IE in the summary, so the individual entries carry zero.
    public const int PerIeCpuMillis = 100;
    public const int PerIeMemoryMiB = 400;

    public static readonly IReadOnlyList<ExporterInfo> All =
    [
        new(ExporterKind.DataFabric, "datafabric", "safe6g-datafabric", 9410, ExporterPlacement.PerContinuum, 50, 64, true),
        new(ExporterKind.Cmc, "cmc", "safe6g-cmc", 9411, ExporterPlacement.PerDomain, 100, 128, true),
        new(ExporterKind.Metaverse, "metaverse", "safe6g-metaverse", 9412, ExporterPlacement.PerDomain, 50, 64, true),
        new(ExporterKind.Gnb, "gnb", "safe6g-gnb", 9413, ExporterPlacement.PerDomain, 50, 64, true),
        new(ExporterKind.NodeExporter, "node_exporter", "node-exporter", 9100, ExporterPlacement.PerIe, 0, 0, false),
        new(ExporterKind.Kubelet, "kubelet", "kubelet", 10250, ExporterPlacement.PerIe, 0, 0, false),
        new(ExporterKind.Cadvisor, "cadvisor", "cadvisor", 10250, ExporterPlacement.PerIe, 0, 0, false),
        new(ExporterKind.KubeStateMetrics, "kube_state_metrics", "kube-state-metrics", 8080, ExporterPlacement.PerDomain, 10, 32, false),
        new(ExporterKind.Kepler, "kepler", "kepler", 28282, ExporterPlacement.PerIe, 0, 0, false),
        new(ExporterKind.Hubble, "hubble", "hubble", 9965, ExporterPlacement.PerIe, 0, 0, false),
        new(ExporterKind.RookCeph, "rook_ceph", "rook-ceph", 9283, ExporterPlacement.PerContinuum, 50, 50, false),
    ];

    /// <summary>The four modules the gnb exporter serves on /probe.</summary>
    public static readonly IReadOnlyList<string> GnbModules = ["baicells_qrtb", "baicells_rts", "if_mib", "system"];

    public static ExporterInfo Get(ExporterKind kind) => All.Single(e => e.Kind == kind);

    public static ExporterInfo? ByYamlName(string name) => All.SingleOrDefault(e => e.YamlName == name);

    /// <summary>Metric prefix of our own exporters, e.g. <c>datafabric</c>.</summary>
    public static string Prefix(ExporterKind kind) => Get(kind).YamlName;

    /// <summary>Service address used when a domain-level exporter gives none: the chart's service in the domain namespace.</summary>
    public static string DefaultAddress(ExporterInfo info, string ns) => info.Kind switch
    {
        ExporterKind.KubeStateMetrics => $"kube-state-metrics.{ns}.svc:{info.DefaultPort}",
        ExporterKind.RookCeph => $"rook-ceph-mgr.rook-ceph.svc:{info.DefaultPort}",
        _ => $"safe6g-exporter-{info.YamlName}.{ns}.svc:{info.DefaultPort}",
    };
}
