using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Definitions;

/// <summary>
/// Dashboard 2 (seed Figure 9): node and pod CPU/memory from kubelet/cAdvisor and kube-state-metrics, host
/// memory from node_exporter and flows from Cilium Hubble. Per-IE jobs of the deployment generator add the
/// <c>ie</c> label (thanos/README.md), which stands for the node here.
/// </summary>
public static class KubernetesResources
{
    public const string Uid = "safe6g-kubernetes-resources";

    public static Dashboard Build() => new DashboardBuilder()
        .Variable(Variables.Domain("kube_node_info"))
        .Variable(Variables.Label("ie", "Node (IE)", """container_cpu_usage_seconds_total{domain=~"$domain"}""", "Infrastructure element scraped by the per-IE kubelet/cAdvisor job."))
        .Variable(Variables.Label("namespace", "Namespace", """kube_pod_info{domain=~"$domain"}""", "Kubernetes namespace."))
        .Row("Cluster")
        .Stat("Nodes", "Nodes known to kube-state-metrics.", new("""count(kube_node_info{domain=~"$domain"})"""))
        .Stat("Pods running", "Pods in phase Running.", new("""sum(kube_pod_status_phase{domain=~"$domain", namespace=~"$namespace", phase="Running"})"""))
        .Stat("Allocatable CPU", "CPU cores the nodes offer to pods.", new("""sum(kube_node_status_allocatable{domain=~"$domain", resource="cpu"})"""), Units.Cores)
        .Stat("Allocatable memory", "Memory the nodes offer to pods.", new("""sum(kube_node_status_allocatable{domain=~"$domain", resource="memory"})"""), Units.Bytes)
        .Stat("CPU requested", "Share of allocatable CPU requested by pods.",
            new("""sum(kube_pod_container_resource_requests{domain=~"$domain", resource="cpu"}) / sum(kube_node_status_allocatable{domain=~"$domain", resource="cpu"})"""), Units.Ratio)
        .Stat("Memory requested", "Share of allocatable memory requested by pods.",
            new("""sum(kube_pod_container_resource_requests{domain=~"$domain", resource="memory"}) / sum(kube_node_status_allocatable{domain=~"$domain", resource="memory"})"""), Units.Ratio)
        .Row("Nodes")
        .TimeSeries("CPU usage per node", "Cores used by all containers of the node (cAdvisor).", Units.Cores,
            [new("""sum by (ie) (rate(container_cpu_usage_seconds_total{domain=~"$domain", ie=~"$ie", container!=""}[$__rate_interval]))""", "{{ie}}")], min: 0)
        .TimeSeries("Memory working set per node", "Working set of all containers of the node (cAdvisor).", Units.Bytes,
            [new("""sum by (ie) (container_memory_working_set_bytes{domain=~"$domain", ie=~"$ie", container!=""})""", "{{ie}}")], min: 0)
        .TimeSeries("Host CPU busy per node", "Share of CPU time not idle (node_exporter).", Units.Ratio,
            [new("""1 - avg by (ie) (rate(node_cpu_seconds_total{domain=~"$domain", ie=~"$ie", mode="idle"}[$__rate_interval]))""", "{{ie}}")], min: 0, max: 1)
        .TimeSeries("Host memory used per node", "1 - MemAvailable / MemTotal (node_exporter).", Units.Ratio,
            [new("""1 - sum by (ie) (node_memory_MemAvailable_bytes{domain=~"$domain", ie=~"$ie"}) / sum by (ie) (node_memory_MemTotal_bytes{domain=~"$domain", ie=~"$ie"})""", "{{ie}}")], min: 0, max: 1)
        .Row("Pods")
        .TimeSeries("CPU usage per pod (top 10)", "Cores used per pod (cAdvisor).", Units.Cores,
            [new("""topk(10, sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{domain=~"$domain", ie=~"$ie", namespace=~"$namespace", container!=""}[$__rate_interval])))""", "{{namespace}}/{{pod}}")], min: 0)
        .TimeSeries("Memory working set per pod (top 10)", "Working set per pod (cAdvisor).", Units.Bytes,
            [new("""topk(10, sum by (namespace, pod) (container_memory_working_set_bytes{domain=~"$domain", ie=~"$ie", namespace=~"$namespace", container!=""}))""", "{{namespace}}/{{pod}}")], min: 0)
        .BarGauge("Pods by phase", "Pods per phase (kube-state-metrics).", Units.Count,
            new("""sum by (phase) (kube_pod_status_phase{domain=~"$domain", namespace=~"$namespace"})""", "{{phase}}"))
        .BarGauge("CPU requests per namespace", "Requested cores per namespace.", Units.Cores,
            new("""sum by (namespace) (kube_pod_container_resource_requests{domain=~"$domain", namespace=~"$namespace", resource="cpu"})""", "{{namespace}}"))
        .Table("Container restarts (top 10)", "Restarts in the selected range.", Units.Count,
            new("""topk(10, sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total{domain=~"$domain", namespace=~"$namespace"}[$__range])))"""), w: 8)
        .Row("Network (Cilium Hubble)")
        .TimeSeries("Flows by verdict", "Flows processed per second by verdict (FORWARDED, DROPPED, ...).", Units.PerSecond,
            [new("""sum by (verdict) (rate(hubble_flows_processed_total{domain=~"$domain", ie=~"$ie"}[$__rate_interval]))""", "{{verdict}}")], min: 0)
        .TimeSeries("Drops by reason", "Packets dropped per second by reason.", Units.PerSecond,
            [new("""sum by (reason) (rate(hubble_drop_total{domain=~"$domain", ie=~"$ie"}[$__rate_interval]))""", "{{reason}}")], min: 0)
        .Build(Uid, "Safe6G / Kubernetes resources",
            "Node and pod CPU/memory (kubelet/cAdvisor, kube-state-metrics, node_exporter) and Hubble flows per domain (seed Figure 9).",
            "kubernetes");
}
