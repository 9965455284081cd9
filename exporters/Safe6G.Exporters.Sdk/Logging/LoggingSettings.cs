using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Sdk.Logging;

/// <summary>The <c>logging:</c> section shared by every safe6g service.</summary>
public sealed class LoggingSettings : IValidatableConfig
{
    /// <summary>Minimum level: verbose, debug, information, warning, error, fatal.</summary>
    public string Level { get; set; } = "information";

    /// <summary>Optional push to Loki; absent means console (stderr) only.</summary>
    public LokiSettings? Loki { get; set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(Enum.TryParse<Serilog.Events.LogEventLevel>(Level, ignoreCase: true, out _), "level",
            "must be one of verbose, debug, information, warning, error, fatal");
        context.Validate("loki", Loki);
    }
}

/// <summary>Where and how logs are pushed to Loki.</summary>
public sealed class LokiSettings : IValidatableConfig
{
    /// <summary>Loki base URL, e.g. http://loki:3100 (the push path is added).</summary>
    public string Url { get; set; } = "";

    /// <summary>X-Scope-OrgID for multi-tenant Loki.</summary>
    public string? Tenant { get; set; }

    /// <summary>Bearer token, if Loki sits behind a gateway.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Static labels added to every stream (e.g. job).</summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Log event properties that become stream labels; keep them low-cardinality.</summary>
    public List<string> LabelProperties { get; set; } = ["exporter", "domain", "target", "level"];

    /// <summary>Events per push.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Longest wait before a partial batch is pushed.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Events kept in memory while Loki is unreachable; older ones are dropped beyond this.</summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "url", "must be an absolute http(s) URL");
        context.Require(BatchSize is > 0 and <= 10_000, "batch_size", "must be between 1 and 10000");
        context.Require(Period > TimeSpan.Zero, "period", "must be positive");
        context.Require(QueueLimit > 0, "queue_limit", "must be positive");
    }
}
