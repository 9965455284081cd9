using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Definitions;

/// <summary>Dashboard 6: the 5G core from the CMC exporter (Cumucore CNC API): subscribers, sessions, per-slice traffic.</summary>
public static class CoreNetwork
{
    public const string Uid = "safe6g-5g-core";

    public static Dashboard Build() => new DashboardBuilder()
        .Variable(Variables.Domain("cmc_subscribers"))
        .Variable(Variables.Label("core", "Core", """cmc_subscribers{domain=~"$domain"}""", "CNC API (the exporter's core name)."))
        .Variable(Variables.Label("slice", "Slice", """cmc_slice_info{domain=~"$domain", core=~"$core"}""", "Network slice name."))
        .Row("Overview")
        .Stat("Subscribers", "Subscribers provisioned in the core.", new("""sum(cmc_subscribers{domain=~"$domain", core=~"$core"})"""))
        .Stat("PDU sessions", "Active PDU sessions.", new("""sum(cmc_pdu_sessions{domain=~"$domain", core=~"$core"})"""))
        .Stat("Slices", "Slice instances configured.", new("""sum(cmc_slices{domain=~"$domain", core=~"$core"})"""))
        .Stat("gNBs connected", "gNBs whose N2 link is connected.", new("""sum(cmc_gnb_status{domain=~"$domain", core=~"$core", status="connected"})"""))
        .Stat("Cores up", "CNC APIs the exporter could read (cmc_up).", new("""sum(cmc_up)"""),
            thresholds: new([new ThresholdStep("red", null), new ThresholdStep("green", 1)]))
        .Stat("API errors", "CNC API errors in the selected range.", new("""sum(increase(cmc_upstream_errors_total[$__range])) or vector(0)"""),
            thresholds: new([new ThresholdStep("green", null), new ThresholdStep("orange", 1)]))
        .Row("Slices")
        .TimeSeries("Downlink traffic per slice", "Bytes/s to the UEs of each slice (rate of the monitoring report counters).", Units.BytesPerSecond,
            [new("""sum by (slice) (rate(cmc_slice_downlink_bytes_total{domain=~"$domain", core=~"$core", slice=~"$slice"}[$__rate_interval]))""", "{{slice}}")], min: 0)
        .TimeSeries("Uplink traffic per slice", "Bytes/s from the UEs of each slice.", Units.BytesPerSecond,
            [new("""sum by (slice) (rate(cmc_slice_uplink_bytes_total{domain=~"$domain", core=~"$core", slice=~"$slice"}[$__rate_interval]))""", "{{slice}}")], min: 0)
        .BarGauge("Subscribers per slice", "Subscribers provisioned per slice.", Units.Count,
            new("""sum by (slice) (cmc_slice_subscribers{domain=~"$domain", core=~"$core", slice=~"$slice"})""", "{{slice}}"))
        .BarGauge("Sessions per S-NSSAI and DNN", "Active PDU sessions per sst/sd and DNN.", Units.Count,
            new("""sum by (sst, sd, dnn) (cmc_pdu_sessions{domain=~"$domain", core=~"$core"})""", "{{sst}}/{{sd}} {{dnn}}"))
        .Table("Slice throughput limits", "DL/UL throughput per slice from the service profile.", Units.BytesPerSecond,
            new("""cmc_slice_downlink_throughput_limit_bytes_per_second{domain=~"$domain", core=~"$core", slice=~"$slice"}"""), w: 8)
        .Row("UEs and gNBs")
        .TimeSeries("Top UEs by downlink", "The ten UEs receiving most (per-UE counters).", Units.BytesPerSecond,
            [new("""topk(10, rate(cmc_ue_downlink_bytes_total{domain=~"$domain", core=~"$core"}[$__rate_interval]))""", "{{imsi}}")], min: 0)
        .TimeSeries("UEs per gNB", "UEs the AMF sees through each gNB.", Units.Count,
            [new("""cmc_gnb_connected_ues{domain=~"$domain", core=~"$core"}""", "{{gnb}}")], min: 0)
        .TimeSeries("CNC API latency", "Time each CNC endpoint took to answer.", Units.Seconds,
            [new("""cmc_api_request_duration_seconds{domain=~"$domain", core=~"$core"}""", "{{core}} {{endpoint}}")], w: 24, min: 0)
        .Build(Uid, "Safe6G / 5G core",
            "Subscribers, PDU sessions and per-slice traffic of the CMC 5G core (CMC exporter over the CNC API).",
            "core", "cmc");
}
