using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Definitions;

/// <summary>Dashboard 5: the RAN from the gNB SNMP exporter (Baicells modules): UEs, PRB, throughput, alarms, per cell.</summary>
public static class GnbRan
{
    public const string Uid = "safe6g-gnb-ran";

    public static Dashboard Build() => new DashboardBuilder()
        .Variable(Variables.Domain("gnb_info"))
        .Variable(Variables.Label("gnb", "gNB", """gnb_info{domain=~"$domain"}""", "gNB name (lteENodebName, or the continuum name of the target)."))
        .Variable(Variables.Label("cell", "Cell", """gnb_cell_up{domain=~"$domain", gnb=~"$gnb"}""", "Cell index of the gNB."))
        .Row("Overview")
        .Stat("Cells up", "Cells in service.", new("""sum(gnb_cell_up{domain=~"$domain", gnb=~"$gnb", cell=~"$cell"})"""))
        .Stat("Connected UEs", "UEs connected over all selected cells.", new("""sum(gnb_cell_connected_ues{domain=~"$domain", gnb=~"$gnb", cell=~"$cell"})"""))
        .Stat("Active alarms", "Alarms raised on the selected gNBs.", new("""sum(gnb_alarms_active{domain=~"$domain", gnb=~"$gnb"})"""),
            thresholds: new([new ThresholdStep("green", null), new ThresholdStep("red", 1)]))
        .Stat("S1/NG links up", "gNBs whose link to the core is up.", new("""sum(gnb_s1_link_up{domain=~"$domain", gnb=~"$gnb"})"""))
        .Stat("Exporter targets up", "SNMP targets the gNB exporter could walk (gnb_up).", new("""sum(gnb_up)"""),
            thresholds: new([new ThresholdStep("red", null), new ThresholdStep("green", 1)]))
        .Stat("SNMP upstream errors", "SNMP errors in the selected range (timeouts, auth, refused).",
            new("""sum(increase(gnb_upstream_errors_total[$__range])) or vector(0)"""),
            thresholds: new([new ThresholdStep("green", null), new ThresholdStep("orange", 1)]))
        .Row("Cells")
        .TimeSeries("Connected UEs per cell", "gnb_cell_connected_ues.", Units.Count,
            [new("""sum by (gnb, cell) (gnb_cell_connected_ues{domain=~"$domain", gnb=~"$gnb", cell=~"$cell"})""", "{{gnb}} cell {{cell}}")], min: 0)
        .TimeSeries("PRB utilisation per cell", "Share of physical resource blocks in use, downlink and uplink.", Units.Ratio,
            [
                new("""gnb_cell_downlink_prb_utilization_ratio{domain=~"$domain", gnb=~"$gnb", cell=~"$cell"}""", "{{gnb}} cell {{cell}} DL"),
                new("""gnb_cell_uplink_prb_utilization_ratio{domain=~"$domain", gnb=~"$gnb", cell=~"$cell"}""", "{{gnb}} cell {{cell}} UL"),
            ], min: 0, max: 1)
        .TimeSeries("Downlink throughput per cell", "gnb_cell_downlink_throughput_bytes_per_second.", Units.BytesPerSecond,
            [new("""gnb_cell_downlink_throughput_bytes_per_second{domain=~"$domain", gnb=~"$gnb", cell=~"$cell"}""", "{{gnb}} cell {{cell}}")], min: 0)
        .TimeSeries("Uplink throughput per cell", "gnb_cell_uplink_throughput_bytes_per_second.", Units.BytesPerSecond,
            [new("""gnb_cell_uplink_throughput_bytes_per_second{domain=~"$domain", gnb=~"$gnb", cell=~"$cell"}""", "{{gnb}} cell {{cell}}")], min: 0)
        .Row("Alarms and procedures")
        .TimeSeries("Alarms", "Active alarm count and the two alarm flags the MIB names.", Units.Count,
            [
                new("""gnb_alarms_active{domain=~"$domain", gnb=~"$gnb"}""", "{{gnb}} active"),
                new("""gnb_alarm_cell_unavailable{domain=~"$domain", gnb=~"$gnb"}""", "{{gnb}} cell unavailable"),
                new("""gnb_alarm_rrc_sctp_association_failure{domain=~"$domain", gnb=~"$gnb"}""", "{{gnb}} SCTP association failure"),
            ], w: 8, min: 0)
        .TimeSeries("Procedure success", "RRC setup, E-RAB establishment and handover success ratios.", Units.Ratio,
            [
                new("""gnb_rrc_setup_success_ratio{domain=~"$domain", gnb=~"$gnb"}""", "{{gnb}} RRC setup"),
                new("""gnb_erab_establish_success_ratio{domain=~"$domain", gnb=~"$gnb"}""", "{{gnb}} E-RAB"),
                new("""gnb_handover_x2_success_ratio{domain=~"$domain", gnb=~"$gnb"}""", "{{gnb}} HO X2"),
                new("""gnb_handover_s1_success_ratio{domain=~"$domain", gnb=~"$gnb"}""", "{{gnb}} HO S1"),
            ], w: 8, min: 0, max: 1)
        .TimeSeries("gNB CPU", "CPU utilisation per CPU of the gNB.", Units.Ratio,
            [new("""gnb_cpu_utilization_ratio{domain=~"$domain", gnb=~"$gnb"}""", "{{gnb}} cpu {{cpu}}")], w: 8, min: 0, max: 1)
        .TimeSeries("SNMP walk duration", "Time the exporter took per scrape of each target.", Units.Seconds,
            [new("""gnb_scrape_duration_seconds""", "{{source}}")], w: 24, min: 0)
        .Build(Uid, "Safe6G / gNB RAN",
            "Connected UEs, PRB utilisation, throughput and alarms per gNB and cell (gNB SNMP exporter).",
            "ran", "gnb");
}
