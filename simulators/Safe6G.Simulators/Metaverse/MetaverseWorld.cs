using System.Globalization;
using System.Text.Json;
using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Metaverse;

/// <summary>
/// The seeded state of a simulated Metaverse manager: session slots with fixed rooms and applications, and users,
/// headsets and stream quality as functions of (seed, session, time) that move every 5 s on a 10-minute wave.
/// The JSON shape is the project's assumption of the manager API (see the Metaverse exporter README).
/// </summary>
public sealed class MetaverseWorld(int seed, int scale)
{
    /// <summary>Manager version reported by /status.</summary>
    public const string Version = "1.3.0-sim";

    private static readonly string[] Applications = ["digital-twin", "remote-training", "tele-operation", "immersive-meeting"];
    private static readonly string[] Components = ["session-orchestrator", "render-farm", "signalling", "asset-store"];
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    /// <summary>Writes GET /api/v1/status.</summary>
    public void WriteStatus(Utf8JsonWriter w, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("service", "metaverse-manager");
        w.WriteString("version", Version);
        var degraded = Components.Where(c => Deterministic.Unit(seed, c, now.ToUnixTimeSeconds() / 60) < 0.1).ToHashSet(StringComparer.Ordinal);
        w.WriteString("status", degraded.Count == 0 ? "operational" : "degraded");
        w.WriteStartArray("components");
        foreach (var c in Components)
        {
            w.WriteStartObject();
            w.WriteString("name", c);
            w.WriteString("status", degraded.Contains(c) ? "degraded" : "operational");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes GET /api/v1/sessions.</summary>
    public void WriteSessions(Utf8JsonWriter w, DateTimeOffset now)
    {
        var rooms = Math.Max(1, scale / 3);
        w.WriteStartObject();
        w.WriteString("timestamp", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteStartArray("sessions");
        for (var i = 0; i < scale; i++)
        {
            var id = "s-" + (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            // A slot is idle about a fifth of the minutes: sessions come and go.
            if (Deterministic.Unit(seed, id, now.ToUnixTimeSeconds() / 60) < 0.2)
                continue;
            var load = Deterministic.Wave(seed, id, now, Period, Step);
            var users = 1 + (int)Math.Round(11 * load);
            var headsets = Math.Max(1, (int)Math.Round(users * (0.4 + 0.6 * Deterministic.Unit(seed, id, 2))));
            w.WriteStartObject();
            w.WriteString("sessionId", id);
            w.WriteString("room", "room-" + (1 + i % rooms).ToString("D2", CultureInfo.InvariantCulture));
            w.WriteString("application", Deterministic.Pick(seed, id, Applications, 3));
            w.WriteString("state", Deterministic.Unit(seed, id, now.ToUnixTimeSeconds() / 60 + 7) < 0.1 ? "starting" : "active");
            w.WriteStartObject("users");
            w.WriteNumber("connected", users);
            w.WriteNumber("headsets", headsets);
            w.WriteEndObject();
            w.WriteStartObject("stream");
            w.WriteNumber("fps", Math.Round(90 - 30 * load, 1));
            w.WriteNumber("targetFps", 90);
            w.WriteStartObject("latency");
            w.WriteNumber("e2eMs", Math.Round(15 + 60 * load, 1));
            w.WriteEndObject();
            w.WriteStartObject("network");
            w.WriteNumber("uplinkKbps", Math.Round(300.0 * users * (0.5 + load)));
            w.WriteNumber("downlinkKbps", Math.Round(8000.0 * headsets * (0.5 + load)));
            w.WriteNumber("packetLossPercent", Math.Round(2.0 * load * load, 2));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
