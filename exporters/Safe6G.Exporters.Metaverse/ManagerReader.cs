using System.Diagnostics;
using System.Text.Json;
using Safe6G.Exporters.Sdk.Http;

namespace Safe6G.Exporters.Metaverse;

/// <summary>Polls one manager: the status and session endpoints in parallel, mapped through the configured field paths.</summary>
public sealed class ManagerReader(UpstreamHttpClient http)
{
    /// <summary>Reads <paramref name="manager"/> at <paramref name="baseUrl"/>; any endpoint failing fails the poll.</summary>
    public async Task<ManagerReading> ReadAsync(ManagerConfig manager, string baseUrl, CancellationToken cancellationToken)
    {
        var reading = new ManagerReading();
        var root = baseUrl.TrimEnd('/') + "/";
        await Task.WhenAll(
            Call("status", manager.StatusPath, e => ParseStatus(e, manager.Fields, reading)),
            Call("sessions", manager.SessionsPath, e => ParseSessions(e, manager, reading))).ConfigureAwait(false);
        return reading;

        async Task Call(string endpoint, string path, Action<JsonElement> parse)
        {
            var started = Stopwatch.GetTimestamp();
            await http.GetAsync(new Uri(root + path.TrimStart('/')), manager.Timeout, manager.Auth?.Header(), async (stream, ct) =>
            {
                using var document = await JsonDocument.ParseAsync(stream, default, ct).ConfigureAwait(false);
                parse(document.RootElement);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            lock (reading.Durations)
                reading.Durations[endpoint] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
    }

    private static void ParseStatus(JsonElement root, FieldMap fields, ManagerReading reading)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new JsonException($"status: expected a JSON object, got {root.ValueKind}");
        reading.Status = JsonPath.Text(root, fields.ServiceStatus)?.ToLowerInvariant();
        reading.Version = JsonPath.Text(root, fields.Version) ?? "";
        if (JsonPath.Find(root, fields.Components) is { ValueKind: JsonValueKind.Array } components)
        {
            foreach (var c in components.EnumerateArray())
            {
                if (JsonPath.Text(c, "name") is { } name)
                    reading.Components.Add((name, (JsonPath.Text(c, "status") ?? "unknown").ToLowerInvariant()));
            }
        }
    }

    private static void ParseSessions(JsonElement root, ManagerConfig manager, ManagerReading reading)
    {
        var fields = manager.Fields;
        if (JsonPath.Find(root, fields.SessionList) is not { ValueKind: JsonValueKind.Array } list)
            throw new JsonException($"sessions: no JSON array at '{fields.SessionList}' (fields.session_list)");
        var units = manager.Units;
        foreach (var s in list.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.Object)
            {
                Count(reading.SkippedSessions, "not_an_object");
                continue;
            }
            if (JsonPath.Text(s, fields.SessionId) is not { Length: > 0 } id)
            {
                Count(reading.SkippedSessions, "missing_id");
                continue;
            }
            reading.Sessions.Add(new SessionReading(id,
                JsonPath.Text(s, fields.Room) ?? "", JsonPath.Text(s, fields.Application) ?? "", (JsonPath.Text(s, fields.State) ?? "unknown").ToLowerInvariant(),
                Value(s, fields.Users, "users", 1), Value(s, fields.Headsets, "headsets", 1), Value(s, fields.FrameRate, "frame_rate", 1),
                Value(s, fields.Latency, "latency", units.LatencyToSeconds), Value(s, fields.UplinkBitrate, "uplink_bitrate", units.BitrateToBytesPerSecond),
                Value(s, fields.DownlinkBitrate, "downlink_bitrate", units.BitrateToBytesPerSecond), Value(s, fields.PacketLoss, "packet_loss", units.PacketLossToRatio)));
        }

        double? Value(JsonElement session, string path, string field, double factor)
        {
            var value = JsonPath.Number(session, path, out var present);
            if (value is { } v && v >= 0 && double.IsFinite(v))
                return v * factor;
            if (present)
                Count(reading.FieldErrors, field);
            return null;
        }
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
