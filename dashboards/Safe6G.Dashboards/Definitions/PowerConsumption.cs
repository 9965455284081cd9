using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Definitions;

/// <summary>
/// Dashboard 3 (seed Figure 10): power from Kepler's current metric generation (v0.10+ names:
/// kepler_node_cpu_watts, kepler_pod_cpu_watts, ... with a RAPL <c>zone</c>; zones overlap, so only
/// <c>zone="package"</c> is summed), node_exporter RAPL, and IE power reported to the Data Fabric.
/// </summary>
public static class PowerConsumption
{
    public const string Uid = "safe6g-power-consumption";

    public static Dashboard Build() => new DashboardBuilder()
        .Variable(Variables.Domain("datafabric_infrastructure_element_info"))
        .Variable(Variables.Label("ie", "Node (IE)", """kepler_node_cpu_watts{domain=~"$domain"}""", "Infrastructure element scraped by the per-IE Kepler job."))
        .Row("Continuum (Data Fabric)")
        .Stat("IE power now", "Current power of the selected domains' IEs (currentPowerConsumption).",
            new("""sum(datafabric_infrastructure_element_power_watts{domain=~"$domain"})"""), Units.Watts)
        .Stat("Kepler node power now", "CPU package power of all Kepler nodes.",
            new("""sum(kepler_node_cpu_watts{domain=~"$domain", ie=~"$ie", zone="package"})"""), Units.Watts)
        .Stat("Energy in range", "CPU package energy of all Kepler nodes over the selected range.",
            new("""sum(increase(kepler_node_cpu_joules_total{domain=~"$domain", ie=~"$ie", zone="package"}[$__range]))"""), Units.Joules)
        .Stat("Mean energy efficiency", "Mean energyEfficiencyRatio of the IEs.",
            new("""avg(datafabric_infrastructure_element_energy_efficiency_ratio{domain=~"$domain"})"""), Units.Count)
        .TimeSeries("IE power per domain", "Current power per domain (Data Fabric).", Units.Watts,
            [new("""sum by (domain) (datafabric_infrastructure_element_power_watts{domain=~"$domain"})""", "{{domain}}")], min: 0)
        .TimeSeries("IE power (top 10)", "Current and average power of the most consuming IEs (Data Fabric).", Units.Watts,
            [
                new("""topk(10, datafabric_infrastructure_element_power_watts{domain=~"$domain"})""", "{{ie}} now"),
                new("""topk(10, datafabric_infrastructure_element_power_average_watts{domain=~"$domain"})""", "{{ie}} avg"),
            ], min: 0)
        .Row("Nodes (Kepler)")
        .TimeSeries("Node CPU package power", "kepler_node_cpu_watts, zone package.", Units.Watts,
            [new("""sum by (ie) (kepler_node_cpu_watts{domain=~"$domain", ie=~"$ie", zone="package"})""", "{{ie}}")], min: 0)
        .TimeSeries("Active vs idle power", "Power attributed to work vs idle, zone package.", Units.Watts,
            [
                new("""sum(kepler_node_cpu_active_watts{domain=~"$domain", ie=~"$ie", zone="package"})""", "active"),
                new("""sum(kepler_node_cpu_idle_watts{domain=~"$domain", ie=~"$ie", zone="package"})""", "idle"),
            ], min: 0)
        .TimeSeries("Node DRAM power", "kepler_node_cpu_watts, zone dram.", Units.Watts,
            [new("""sum by (ie) (kepler_node_cpu_watts{domain=~"$domain", ie=~"$ie", zone="dram"})""", "{{ie}}")], min: 0)
        .TimeSeries("Host RAPL package power", "rate of node_exporter's RAPL package counter (cross-check of Kepler).", Units.Watts,
            [new("""sum by (ie) (rate(node_rapl_package_joules_total{domain=~"$domain", ie=~"$ie"}[$__rate_interval]))""", "{{ie}}")], min: 0)
        .Row("Workloads (Kepler)")
        .TimeSeries("Pod power (top 10)", "kepler_pod_cpu_watts, zone package.", Units.Watts,
            [new("""topk(10, sum by (pod_namespace, pod_name) (kepler_pod_cpu_watts{domain=~"$domain", ie=~"$ie", zone="package"}))""", "{{pod_namespace}}/{{pod_name}}")], min: 0)
        .TimeSeries("Container power (top 10)", "kepler_container_cpu_watts, zone package.", Units.Watts,
            [new("""topk(10, sum by (container_name) (kepler_container_cpu_watts{domain=~"$domain", ie=~"$ie", zone="package"}))""", "{{container_name}}")], min: 0)
        .Table("Pod energy in range (top 10)", "Energy per pod over the selected range.", Units.Joules,
            new("""topk(10, sum by (pod_namespace, pod_name) (increase(kepler_pod_cpu_joules_total{domain=~"$domain", ie=~"$ie", zone="package"}[$__range])))"""), w: 24)
        .Build(Uid, "Safe6G / Power consumption",
            "Kepler (v0.10+ metric generation) node, pod and container power, node_exporter RAPL, and IE power from the Data Fabric (seed Figure 10).",
            "power", "kepler");
}
