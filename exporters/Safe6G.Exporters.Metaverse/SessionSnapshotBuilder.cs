using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.Metaverse;

/// <summary>One poll of a manager → families, all labelled <c>manager</c>; per-session series bounded by max_sessions.</summary>
public static class SessionSnapshotBuilder
{
    /// <summary>Service and component states (others the manager reports are added as their own state).</summary>
    public static readonly string[] States = ["operational", "degraded", "maintenance", "down"];

    /// <summary>Builds the snapshot.</summary>
    public static MetricSnapshot Build(ManagerReading reading, ManagerConfig manager)
    {
        var snapshot = new MetricSnapshot();
        var m = manager.Name;
        snapshot.Info("metaverse_manager_info", "The Metaverse manager; value 1.", "manager", "version").Add(1, m, reading.Version);
        var status = reading.Status ?? "unknown";
        snapshot.StateSet("metaverse_service_status", "Overall status the manager reports.", "status", WithCurrent(status), status, ["manager"], [m]);
        foreach (var (component, state) in reading.Components.DistinctBy(c => c.Name, StringComparer.Ordinal).OrderBy(c => c.Name, StringComparer.Ordinal))
            snapshot.StateSet("metaverse_component_status", "Status of each manager component.", "status", WithCurrent(state), state, ["manager", "component"], [m, component]);

        var sessions = reading.Sessions.DistinctBy(s => s.Id, StringComparer.Ordinal).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var byState = snapshot.Gauge("metaverse_sessions", "Sessions the manager runs, by state.", "manager", "state");
        foreach (var group in sessions.GroupBy(s => s.State, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            byState.Add(group.Count(), m, group.Key);
        snapshot.Gauge("metaverse_rooms", "Distinct rooms with at least one session.", "manager")
            .Add(sessions.Select(s => s.Room).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Count(), m);
        snapshot.Gauge("metaverse_users", "Users connected over all sessions.", "manager").Add(sessions.Sum(s => s.Users ?? 0), m);
        snapshot.Gauge("metaverse_headsets", "Headsets (HMDs) connected over all sessions.", "manager").Add(sessions.Sum(s => s.Headsets ?? 0), m);

        var limit = Math.Min(manager.MaxSessions, sessions.Count);
        string[] labels = ["manager", "session", "room"];
        var info = snapshot.Info("metaverse_session_info", "Sessions with their room and application; value 1.", "manager", "session", "room", "application", "state");
        var users = snapshot.Gauge("metaverse_session_users", "Users connected to the session.", labels);
        var headsets = snapshot.Gauge("metaverse_session_headsets", "Headsets connected to the session.", labels);
        var fps = snapshot.Gauge("metaverse_session_frame_rate_hertz", "Frames per second delivered to the session's clients.", labels);
        var latency = snapshot.Gauge("metaverse_session_latency_seconds", "End-to-end (motion-to-photon) latency of the session.", labels);
        var up = snapshot.Gauge("metaverse_session_uplink_bytes_per_second", "Uplink bitrate of the session (clients → manager), in bytes/s.", labels);
        var down = snapshot.Gauge("metaverse_session_downlink_bytes_per_second", "Downlink bitrate of the session (manager → clients), in bytes/s.", labels);
        var loss = snapshot.Gauge("metaverse_session_packet_loss_ratio", "Share of packets lost on the session's stream (0..1).", labels);
        foreach (var s in sessions.Take(limit))
        {
            info.Add(1, m, s.Id, s.Room, s.Application, s.State);
            Add(users, s.Users, m, s);
            Add(headsets, s.Headsets, m, s);
            Add(fps, s.FrameRate, m, s);
            Add(latency, s.LatencySeconds, m, s);
            Add(up, s.UplinkBytesPerSecond, m, s);
            Add(down, s.DownlinkBytesPerSecond, m, s);
            Add(loss, s.PacketLossRatio, m, s);
        }
        snapshot.Gauge("metaverse_sessions_omitted", "Sessions without their own metaverse_session_* series (max_sessions reached); they still count in the totals.",
            "manager").Add(sessions.Count - limit, m);

        var skipped = snapshot.Gauge("metaverse_sessions_skipped", "Sessions left out of this scrape (no id, not an object).", "manager", "reason");
        foreach (var (reason, n) in reading.SkippedSessions.OrderBy(k => k.Key, StringComparer.Ordinal))
            skipped.Add(n, m, reason);
        var fieldErrors = snapshot.Gauge("metaverse_field_errors", "Session values ignored in this scrape because they had the wrong type or were negative.", "manager", "field");
        foreach (var (field, n) in reading.FieldErrors.OrderBy(k => k.Key, StringComparer.Ordinal))
            fieldErrors.Add(n, m, field);
        var duration = snapshot.Gauge("metaverse_api_request_duration_seconds", "Time one manager endpoint took to answer in this scrape.", "manager", "endpoint");
        foreach (var (endpoint, seconds) in reading.Durations.OrderBy(d => d.Key, StringComparer.Ordinal))
            duration.Add(seconds, m, endpoint);
        return snapshot;
    }

    private static string[] WithCurrent(string current) => Array.IndexOf(States, current) >= 0 ? States : [.. States, current];

    private static void Add(MetricFamily family, double? value, string manager, SessionReading s)
    {
        if (value is { } v)
            family.Add(v, manager, s.Id, s.Room);
    }
}
