using Safe6G.Dashboards.Definitions;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards;

/// <summary>The seven Safe6G dashboards, in the order the README lists them.</summary>
public static class DashboardCatalog
{
    /// <summary>Builds every dashboard afresh (the model holds mutable JSON option nodes, so no instance is shared).</summary>
    public static IReadOnlyList<Dashboard> All() =>
    [
        ContinuumOverview.Build(),
        KubernetesResources.Build(),
        PowerConsumption.Build(),
        DataFabric.Build(),
        GnbRan.Build(),
        CoreNetwork.Build(),
        MetaverseApplication.Build(),
    ];
}
