namespace Safe6G.Deploy.Model;

/// <summary>The exporters a domain may run: our four plus the adopted ones from the seed (§3.1.2).</summary>
public enum ExporterKind
{
    DataFabric,
    Cmc,
    Metaverse,
    Gnb,
    NodeExporter,
    Kubelet,
    Cadvisor,
    KubeStateMetrics,
    Kepler,
    Hubble,
    RookCeph,
}
