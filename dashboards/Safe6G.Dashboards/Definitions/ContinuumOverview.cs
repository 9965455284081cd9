using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Definitions;

/// <summary>Dashboard 1: the continuum at a glance, from the Data Fabric exporter (domains, IEs, resources, services, trust).</summary>
public static class ContinuumOverview
{
    public const string Uid = "safe6g-continuum-overview";

    public static Dashboard Build() => new DashboardBuilder()
        .Variable(Variables.Domain("datafabric_infrastructure_element_info"))
        .Row("Continuum")
        .Stat("Domains", "Domains the context brokers know.",
            new("""count(datafabric_domain_info{domain=~"$domain"})"""))
        .Stat("Infrastructure elements", "IEs of the selected domains.",
            new("""count(datafabric_infrastructure_element_info{domain=~"$domain"})"""))
        .Stat("IEs ready", "IEs whose status is Ready.",
            new("""sum(datafabric_infrastructure_element_status{domain=~"$domain", status="Ready"})"""))
        .Stat("Services", "Services deployed on the selected domains.",
            new("""count(datafabric_service_info{domain=~"$domain"})"""))
        .Stat("Service components", "Service components placed on IEs of the selected domains.",
            new("""sum(datafabric_service_components{domain=~"$domain"})"""))
        .Stat("Brokers up", "Context brokers the Data Fabric exporter could read in its last scrape (datafabric_up).",
            new("""sum(datafabric_up)"""), thresholds: new([new ThresholdStep("red", null), new ThresholdStep("green", 1)]))
        .BarGauge("IEs by status", "Count of IEs in each aeriOS status (state set).", Units.Count,
            new("""sum by (status) (datafabric_infrastructure_element_status{domain=~"$domain"})""", "{{status}}"))
        .BarGauge("IEs by domain", "Count of IEs per domain.", Units.Count,
            new("""count by (domain) (datafabric_infrastructure_element_info{domain=~"$domain"})""", "{{domain}}"))
        .BarGauge("IEs by tier", "Count of IEs per continuum tier.", Units.Count,
            new("""count by (tier) (datafabric_infrastructure_element_info{domain=~"$domain"})""", "{{tier}}"))
        .Row("Resources per domain")
        .TimeSeries("CPU usage per domain", "Mean CPU usage of the domain's IEs (currentCpuUsage).", Units.Ratio,
            [new("""avg by (domain) (datafabric_infrastructure_element_cpu_usage_ratio{domain=~"$domain"})""", "{{domain}}")], w: 8, min: 0, max: 1)
        .TimeSeries("RAM usage per domain", "RAM used over RAM capacity, summed over the domain's IEs.", Units.Ratio,
            [new("""sum by (domain) (datafabric_infrastructure_element_ram_used_bytes{domain=~"$domain"}) / sum by (domain) (datafabric_infrastructure_element_ram_capacity_bytes{domain=~"$domain"})""", "{{domain}}")],
            w: 8, min: 0, max: 1)
        .TimeSeries("Power per domain", "Current power draw summed over the domain's IEs (currentPowerConsumption).", Units.Watts,
            [new("""sum by (domain) (datafabric_infrastructure_element_power_watts{domain=~"$domain"})""", "{{domain}}")], w: 8, min: 0)
        .TimeSeries("CPU cores per domain", "CPU cores offered by the domain's IEs.", Units.Cores,
            [new("""sum by (domain) (datafabric_infrastructure_element_cpu_cores{domain=~"$domain"})""", "{{domain}}")], w: 8, min: 0)
        .TimeSeries("RAM capacity per domain", "RAM capacity of the domain's IEs.", Units.Bytes,
            [new("""sum by (domain) (datafabric_infrastructure_element_ram_capacity_bytes{domain=~"$domain"})""", "{{domain}}")], w: 8, min: 0)
        .TimeSeries("Disk usage per domain", "Disk used over disk capacity, summed over the domain's IEs.", Units.Ratio,
            [new("""sum by (domain) (datafabric_infrastructure_element_disk_used_bytes{domain=~"$domain"}) / sum by (domain) (datafabric_infrastructure_element_disk_capacity_bytes{domain=~"$domain"})""", "{{domain}}")],
            w: 8, min: 0, max: 1)
        .Row("Services and trust")
        .BarGauge("Service components by status", "Components of services by lifecycle status.", Units.Count,
            new("""sum by (status) (datafabric_service_components{domain=~"$domain"})""", "{{status}}"))
        .BarGauge("Services by action type", "Services per aeriOS action type.", Units.Count,
            new("""sum by (action_type) (datafabric_services{domain=~"$domain"})""", "{{action_type}}"))
        .BarGauge("Services by trust dimension", "Services per SAFE-6G trust function dimension.", Units.Count,
            new("""sum by (trust_function_dimension) (datafabric_services{domain=~"$domain"})""", "{{trust_function_dimension}}"))
        .Table("Trust functions", "Services per trust function and dimension (belongsToTrustFunction).", Units.Count,
            new("""count by (trust_function, trust_function_dimension) (datafabric_service_info{domain=~"$domain"})"""))
        .TimeSeries("Trust score per domain", "Mean trust score of the domain's IEs.", Units.Count,
            [new("""avg by (domain) (datafabric_infrastructure_element_trust_score{domain=~"$domain"})""", "{{domain}}")], min: 0)
        .Build(Uid, "Safe6G / Continuum overview",
            "Domains, infrastructure elements by status, CPU/RAM/power per domain, services by status and trust functions (Data Fabric exporter).",
            "continuum", "datafabric");
}
