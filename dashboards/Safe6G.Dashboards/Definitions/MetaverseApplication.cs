using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Definitions;

/// <summary>Dashboard 7: the Metaverse application from the Metaverse exporter: users, latency, frame rate, bitrate, loss.</summary>
public static class MetaverseApplication
{
    public const string Uid = "safe6g-metaverse";

    public static Dashboard Build() => new DashboardBuilder()
        .Variable(Variables.Domain("metaverse_manager_info"))
        .Variable(Variables.Label("manager", "Manager", """metaverse_manager_info{domain=~"$domain"}""", "Metaverse manager API (the exporter's manager name)."))
        .Variable(Variables.Label("session", "Session", """metaverse_session_info{domain=~"$domain", manager=~"$manager"}""", "Metaverse session."))
        .Row("Overview")
        .Stat("Users", "Users connected over all sessions.", new("""sum(metaverse_users{domain=~"$domain", manager=~"$manager"})"""))
        .Stat("Headsets", "Headsets connected over all sessions.", new("""sum(metaverse_headsets{domain=~"$domain", manager=~"$manager"})"""))
        .Stat("Sessions", "Sessions the manager runs, all states.", new("""sum(metaverse_sessions{domain=~"$domain", manager=~"$manager"})"""))
        .Stat("Rooms", "Rooms with at least one session.", new("""sum(metaverse_rooms{domain=~"$domain", manager=~"$manager"})"""))
        .Stat("Service operational", "Managers reporting status operational.",
            new("""sum(metaverse_service_status{domain=~"$domain", manager=~"$manager", status="operational"})"""),
            thresholds: new([new ThresholdStep("red", null), new ThresholdStep("green", 1)]))
        .Stat("Manager API up", "Managers the exporter could read (metaverse_up).", new("""sum(metaverse_up)"""),
            thresholds: new([new ThresholdStep("red", null), new ThresholdStep("green", 1)]))
        .Row("Quality per session")
        .TimeSeries("End-to-end latency", "Motion-to-photon latency per session.", Units.Seconds,
            [new("""metaverse_session_latency_seconds{domain=~"$domain", manager=~"$manager", session=~"$session"}""", "{{session}} ({{room}})")], min: 0)
        .TimeSeries("Frame rate", "Frames per second delivered per session.", Units.Hertz,
            [new("""metaverse_session_frame_rate_hertz{domain=~"$domain", manager=~"$manager", session=~"$session"}""", "{{session}} ({{room}})")], min: 0)
        .TimeSeries("Bitrate", "Downlink and uplink bitrate per session.", Units.BytesPerSecond,
            [
                new("""metaverse_session_downlink_bytes_per_second{domain=~"$domain", manager=~"$manager", session=~"$session"}""", "{{session}} DL"),
                new("""metaverse_session_uplink_bytes_per_second{domain=~"$domain", manager=~"$manager", session=~"$session"}""", "{{session}} UL"),
            ], min: 0)
        .TimeSeries("Packet loss", "Share of packets lost per session.", Units.Ratio,
            [new("""metaverse_session_packet_loss_ratio{domain=~"$domain", manager=~"$manager", session=~"$session"}""", "{{session}} ({{room}})")], min: 0, max: 1)
        .TimeSeries("Users per session", "Users connected per session.", Units.Count,
            [new("""metaverse_session_users{domain=~"$domain", manager=~"$manager", session=~"$session"}""", "{{session}} ({{room}})")], min: 0)
        .BarGauge("Sessions by state", "Sessions per state.", Units.Count,
            new("""sum by (state) (metaverse_sessions{domain=~"$domain", manager=~"$manager"})""", "{{state}}"), w: 12)
        .Row("Manager API")
        .TimeSeries("API latency", "Time each manager endpoint took to answer.", Units.Seconds,
            [new("""metaverse_api_request_duration_seconds{domain=~"$domain", manager=~"$manager"}""", "{{manager}} {{endpoint}}")], min: 0)
        .TimeSeries("API errors", "Manager API errors per second by reason.", Units.PerSecond,
            [new("""sum by (source, reason) (rate(metaverse_upstream_errors_total[$__rate_interval])) or on() vector(0)""", "{{source}} {{reason}}")], min: 0)
        .Build(Uid, "Safe6G / Metaverse application",
            "Users, end-to-end latency, frame rate, bitrate and packet loss of the Metaverse application (Metaverse exporter).",
            "metaverse");
}
