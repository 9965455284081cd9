using System.Text.Json.Serialization;

namespace Safe6G.Simulators.Common;

/// <summary>Fault injection switches of a simulator; immutable, swapped as a whole at runtime.</summary>
public sealed record FaultSettings
{
    /// <summary>Extra latency added to every request before it is answered, in milliseconds.</summary>
    [JsonPropertyName("latencyMs")]
    public int LatencyMs { get; init; }

    /// <summary>Share of requests (0..1) answered with <see cref="ErrorStatus"/> instead of the real answer.</summary>
    [JsonPropertyName("errorRate")]
    public double ErrorRate { get; init; }

    /// <summary>HTTP status used for injected errors: 500 or 503.</summary>
    [JsonPropertyName("errorStatus")]
    public int ErrorStatus { get; init; } = 500;

    /// <summary>Share of requests (0..1) whose response body is cut in half so that it is no longer valid JSON.</summary>
    [JsonPropertyName("malformedRate")]
    public double MalformedRate { get; init; }

    /// <summary>When true every request has its connection aborted without a response (the peer looks dead).</summary>
    [JsonPropertyName("down")]
    public bool Down { get; init; }

    /// <summary>When above 0 the simulator flaps: up for this many seconds, then down (aborted connections) as long, and so on.</summary>
    [JsonPropertyName("flapSeconds")]
    public int FlapSeconds { get; init; }

    /// <summary>Whether the peer is down at <paramref name="now"/>, by the down flag or by flapping.</summary>
    public bool IsDownAt(DateTimeOffset now)
        => Down || (FlapSeconds > 0 && now.ToUnixTimeSeconds() / FlapSeconds % 2 == 1);

    /// <summary>No faults at all.</summary>
    public static FaultSettings None { get; } = new();

    /// <summary>Returns the reason the settings are invalid, or null when they are usable.</summary>
    public string? Validate()
    {
        if (LatencyMs < 0) return "latencyMs must be >= 0";
        if (FlapSeconds < 0) return "flapSeconds must be >= 0";
        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate)) return "errorRate must be within 0..1";
        if (MalformedRate is < 0 or > 1 || double.IsNaN(MalformedRate)) return "malformedRate must be within 0..1";
        if (ErrorStatus is not (500 or 503)) return "errorStatus must be 500 or 503";
        return null;
    }
}
