using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Definitions;

/// <summary>
/// Dashboard 7: the Metaverse application from the Metaverse exporter: users, latency, bitrate, loss. The
/// metric names are the ones dashboards/README.md lists; see there for which are verified against the exporter.
/// </summary>
public static class MetaverseApplication
{
    public const string Uid = "safe6g-metaverse";

    public static Dashboard Build() => new DashboardBuilder()
        .Variable(Variables.Domain("metaverse_up"))
        .Variable(Variables.Label("session", "Session", """metaverse_session_users{domain=~"$domain"}""", "Metaverse session (room)."))
        .Row("Overview")
        .Stat("Users", "Connected users over the selected sessions.", new("""sum(metaverse_session_users{domain=~"$domain", session=~"$session"})"""))
        .Stat("Headsets", "Connected headsets.", new("""sum(metaverse_session_headsets{domain=~"$domain", session=~"$session"})"""))
        .Stat("Sessions", "Active sessions.", new("""count(metaverse_session_users{domain=~"$domain"})"""))
        .Stat("Manager up", "Metaverse manager API readable (metaverse_up).", new("""sum(metaverse_up)"""),
            thresholds: new([new ThresholdStep("red", null), new ThresholdStep("green", 1)]))
        .Row("Quality")
        .TimeSeries("End-to-end latency", "Latency per session.", Units.Seconds,
            [new("""metaverse_session_latency_seconds{domain=~"$domain", session=~"$session"}""", "{{session}}")], min: 0)
        .TimeSeries("Frame rate", "Rendered frames per second per session.", Units.Hertz,
            [new("""metaverse_session_frame_rate_hertz{domain=~"$domain", session=~"$session"}""", "{{session}}")], min: 0)
        .TimeSeries("Bitrate", "Uplink and downlink bitrate per session.", Units.BytesPerSecond,
            [
                new("""metaverse_session_downlink_bytes_per_second{domain=~"$domain", session=~"$session"}""", "{{session}} DL"),
                new("""metaverse_session_uplink_bytes_per_second{domain=~"$domain", session=~"$session"}""", "{{session}} UL"),
            ], min: 0)
        .TimeSeries("Packet loss", "Share of packets lost per session.", Units.Ratio,
            [new("""metaverse_session_packet_loss_ratio{domain=~"$domain", session=~"$session"}""", "{{session}}")], min: 0, max: 1)
        .TimeSeries("Users per session", "Connected users per session.", Units.Count,
            [new("""metaverse_session_users{domain=~"$domain", session=~"$session"}""", "{{session}}")], min: 0)
        .TimeSeries("Manager API", "Scrape duration and errors of the Metaverse exporter.", Units.Seconds,
            [
                new("""metaverse_scrape_duration_seconds""", "{{source}} duration"),
                new("""sum by (source, reason) (rate(metaverse_upstream_errors_total[$__rate_interval]))""", "{{source}} errors/s {{reason}}"),
            ], min: 0)
        .Build(Uid, "Safe6G / Metaverse application",
            "Users, end-to-end latency, frame rate, bitrate and packet loss of the Metaverse application (Metaverse exporter).",
            "metaverse");
}
