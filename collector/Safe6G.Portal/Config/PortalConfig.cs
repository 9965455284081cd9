using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Http;
using Safe6G.Exporters.Sdk.Logging;
using Safe6G.Gateway.Config;

namespace Safe6G.Portal.Config;

/// <summary>The portal's YAML configuration (<c>safe6g portal --config FILE</c>; env overrides SAFE6G_PORTAL_*).</summary>
public sealed class PortalConfig : IValidatableConfig
{
    /// <summary>Where metrics are read: a Prometheus-API URL, or the gateway's /thanos prefix (then the signed-in token is forwarded).</summary>
    public PrometheusSource Prometheus { get; set; } = new();

    /// <summary>The orchestrator's base URL (its HLO API lives under /hlo_fe/services).</summary>
    public string OrchestratorUrl { get; set; } = "http://127.0.0.1:9481";

    /// <summary>Credentials for the orchestrator, when its web config asks for basic auth (or a bearer token in front of it).</summary>
    public HttpAuthSettings? OrchestratorAuth { get; set; }

    /// <summary>Certificate checks for an https orchestrator (its CA, or an explicit skip).</summary>
    public HttpTlsSettings? OrchestratorTls { get; set; }

    /// <summary>Longest wait for one upstream call; past it the page says the upstream is unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Sign-in: the gateway's JWT settings. Absent = no sign-in (loopback demo only).</summary>
    public AuthConfig? Auth { get; set; }

    /// <summary>Folder of the generated Grafana dashboards (dashboards/grafana); linked from the health page when present.</summary>
    public string? DashboardsDir { get; set; }

    /// <summary>Grafana base URL; when set, dashboard links open Grafana (/d/&lt;uid&gt;) instead of the JSON file.</summary>
    public string? GrafanaUrl { get; set; }

    /// <summary>exporter-toolkit style web config (TLS, basic auth).</summary>
    public string? WebConfigFile { get; set; }

    /// <summary>Logging.</summary>
    public LoggingSettings Logging { get; set; } = new();

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Validate("prometheus", Prometheus);
        context.Require(IsHttpUrl(OrchestratorUrl), "orchestrator_url", "must be an absolute http(s) URL");
        HttpAuthSettings.Validate(context, "orchestrator_auth", OrchestratorAuth);
        context.Validate("orchestrator_tls", OrchestratorTls);
        context.Require(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(1), "timeout", "must be between 0s and 1m");
        context.Validate("auth", Auth);
        context.Require(GrafanaUrl is null || IsHttpUrl(GrafanaUrl), "grafana_url", "must be an absolute http(s) URL");
        context.Validate("logging", Logging);
    }

    internal static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

/// <summary>A Prometheus-API endpoint: Prometheus, Thanos Query, or the gateway's /thanos prefix.</summary>
public sealed class PrometheusSource : IValidatableConfig
{
    /// <summary>Base URL; <c>api/v1/query</c> is appended (so http://gw:9480/thanos/ reads through the gateway).</summary>
    public string Url { get; set; } = "http://127.0.0.1:9090";

    /// <summary>True when <see cref="Url"/> is the gateway: the signed-in user's token is sent as the bearer.</summary>
    public bool ViaGateway { get; set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context) =>
        context.Require(PortalConfig.IsHttpUrl(Url), "url", "must be an absolute http(s) URL");
}
