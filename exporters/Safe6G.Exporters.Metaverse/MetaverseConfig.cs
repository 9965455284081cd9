using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Http;

namespace Safe6G.Exporters.Metaverse;

/// <summary>Config of the Metaverse exporter: the Metaverse manager APIs to poll.</summary>
public sealed class MetaverseConfig : ExporterConfig
{
    /// <summary>The managers; each becomes a source on /metrics and a module for /probe.</summary>
    public List<ManagerConfig> Managers { get; set; } = [];

    /// <inheritdoc />
    public override void Validate(ConfigValidationContext context)
    {
        base.Validate(context);
        context.Require(Managers.Count > 0, "managers", "at least one manager is required");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Managers.Count; i++)
        {
            context.Validate($"managers[{i}]", Managers[i]);
            if (!names.Add(Managers[i].Name))
                context.Error($"managers[{i}].name", $"duplicate manager name '{Managers[i].Name}'");
        }
    }
}

/// <summary>One Metaverse manager API (<c>url</c> e.g. http://metaverse-manager:8080/api/v1) and how its JSON maps to metrics.</summary>
public sealed class ManagerConfig : HttpApiSettings
{
    /// <summary>Path of the status document below <see cref="HttpApiSettings.Url"/>.</summary>
    public string StatusPath { get; set; } = "status";

    /// <summary>Path of the session list below <see cref="HttpApiSettings.Url"/>.</summary>
    public string SessionsPath { get; set; } = "sessions";

    /// <summary>Where each value sits in the JSON (dot paths), so a real manager can be remapped without code.</summary>
    public FieldMap Fields { get; set; } = new();

    /// <summary>Units the manager reports in; values are converted to base units.</summary>
    public UnitSettings Units { get; set; } = new();

    /// <summary>Sessions with their own series; the rest still count in the totals and in metaverse_sessions_omitted.</summary>
    public int MaxSessions { get; set; } = 500;

    /// <inheritdoc />
    public override void Validate(ConfigValidationContext context)
    {
        base.Validate(context);
        context.Require(!string.IsNullOrWhiteSpace(StatusPath), "status_path", "is required");
        context.Require(!string.IsNullOrWhiteSpace(SessionsPath), "sessions_path", "is required");
        context.Require(MaxSessions is >= 0 and <= 100_000, "max_sessions", "must be between 0 and 100000");
        context.Validate("fields", Fields);
        context.Validate("units", Units);
    }
}

/// <summary>Dot paths of each value (see README for the assumed default API shape). An empty path means "not reported".</summary>
public sealed class FieldMap : IValidatableConfig
{
    /// <summary>The session array in the sessions answer ("" = the answer is the array).</summary>
    public string SessionList { get; set; } = "sessions";

    /// <summary>Session id (required in every session).</summary>
    public string SessionId { get; set; } = "sessionId";

    /// <summary>Room (virtual space) the session runs in.</summary>
    public string Room { get; set; } = "room";

    /// <summary>Application name.</summary>
    public string Application { get; set; } = "application";

    /// <summary>Session state (active, starting, ending…).</summary>
    public string State { get; set; } = "state";

    /// <summary>Connected users.</summary>
    public string Users { get; set; } = "users.connected";

    /// <summary>Connected headsets (HMDs).</summary>
    public string Headsets { get; set; } = "users.headsets";

    /// <summary>Frame rate delivered to clients.</summary>
    public string FrameRate { get; set; } = "stream.fps";

    /// <summary>End-to-end (motion-to-photon) latency.</summary>
    public string Latency { get; set; } = "stream.latency.e2eMs";

    /// <summary>Uplink bitrate.</summary>
    public string UplinkBitrate { get; set; } = "stream.network.uplinkKbps";

    /// <summary>Downlink bitrate.</summary>
    public string DownlinkBitrate { get; set; } = "stream.network.downlinkKbps";

    /// <summary>Packet loss.</summary>
    public string PacketLoss { get; set; } = "stream.network.packetLossPercent";

    /// <summary>Overall service status in the status answer.</summary>
    public string ServiceStatus { get; set; } = "status";

    /// <summary>Service version in the status answer.</summary>
    public string Version { get; set; } = "version";

    /// <summary>Component array in the status answer (each with name and status).</summary>
    public string Components { get; set; } = "components";

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(!string.IsNullOrWhiteSpace(SessionId), "session_id", "is required: sessions are told apart by it");
        foreach (var (field, path) in new[] { ("session_list", SessionList), ("room", Room), ("users", Users), ("frame_rate", FrameRate), ("latency", Latency) })
            context.Require(!path.Contains("..", StringComparison.Ordinal) && !path.StartsWith('.') && !path.EndsWith('.'), field, $"'{path}' is not a dot path (a.b.c)");
    }
}

/// <summary>Units of the manager's numbers.</summary>
public sealed class UnitSettings : IValidatableConfig
{
    /// <summary>ms, s or us.</summary>
    public string Latency { get; set; } = "ms";

    /// <summary>bps, kbps or mbps (bits per second; exported as bytes per second).</summary>
    public string Bitrate { get; set; } = "kbps";

    /// <summary>percent (0..100) or ratio (0..1).</summary>
    public string PacketLoss { get; set; } = "percent";

    /// <summary>Factor turning a latency into seconds.</summary>
    public double LatencyToSeconds => Latency switch { "s" => 1, "us" => 1e-6, _ => 1e-3 };

    /// <summary>Factor turning a bitrate into bytes per second.</summary>
    public double BitrateToBytesPerSecond => Bitrate switch { "bps" => 1 / 8d, "mbps" => 1e6 / 8, _ => 1e3 / 8 };

    /// <summary>Factor turning packet loss into a 0..1 ratio.</summary>
    public double PacketLossToRatio => PacketLoss == "ratio" ? 1 : 0.01;

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(Latency is "ms" or "s" or "us", "latency", "must be ms, s or us");
        context.Require(Bitrate is "bps" or "kbps" or "mbps", "bitrate", "must be bps, kbps or mbps");
        context.Require(PacketLoss is "percent" or "ratio", "packet_loss", "must be percent or ratio");
    }
}
