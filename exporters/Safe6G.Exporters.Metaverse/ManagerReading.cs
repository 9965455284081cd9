namespace Safe6G.Exporters.Metaverse;

/// <summary>One session as the manager reports it, values already in base units (null = not reported or unreadable).</summary>
public sealed record SessionReading(string Id, string Room, string Application, string State, double? Users, double? Headsets,
    double? FrameRate, double? LatencySeconds, double? UplinkBytesPerSecond, double? DownlinkBytesPerSecond, double? PacketLossRatio);

/// <summary>Everything one poll of a manager returned.</summary>
public sealed class ManagerReading
{
    /// <summary>Overall service status (lower case), or null.</summary>
    public string? Status { get; set; }

    /// <summary>Service version, or "".</summary>
    public string Version { get; set; } = "";

    /// <summary>Components and their status.</summary>
    public List<(string Name, string Status)> Components { get; } = [];

    /// <summary>Sessions.</summary>
    public List<SessionReading> Sessions { get; } = [];

    /// <summary>Sessions left out (no id, not an object).</summary>
    public Dictionary<string, int> SkippedSessions { get; } = new(StringComparer.Ordinal);

    /// <summary>Values present with the wrong type, by field.</summary>
    public Dictionary<string, int> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Seconds each endpoint took.</summary>
    public Dictionary<string, double> Durations { get; } = new(StringComparer.Ordinal);
}
