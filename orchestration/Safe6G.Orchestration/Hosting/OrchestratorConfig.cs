using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Logging;
using Safe6G.Orchestration.Allocation;

namespace Safe6G.Orchestration.Hosting;

/// <summary>The orchestrator's YAML configuration (<c>safe6g orchestrator --config FILE</c>; env overrides SAFE6G_ORCHESTRATOR_*).</summary>
public sealed class OrchestratorConfig : IValidatableConfig
{
    /// <summary>Prefix of the environment overrides (<c>SAFE6G_ORCHESTRATOR_PROMETHEUS__URL</c> sets prometheus.url).</summary>
    public const string EnvironmentPrefix = "SAFE6G_ORCHESTRATOR_";

    /// <summary>Domain this HLO runs in (Service.domainHandler, log label).</summary>
    public string Domain { get; set; } = "local";

    public PrometheusSettings Prometheus { get; set; } = new();

    /// <summary>Context broker to write placements to (ServiceComponent updates); null = don't write.</summary>
    public BrokerSettings? Broker { get; set; }

    /// <summary>HTTP/2 listen address of the gRPC allocator (cleartext gRPC needs its own HTTP/2-only port); "" disables it.</summary>
    public string GrpcListen { get; set; } = "127.0.0.1:9491";

    /// <summary>Kubernetes namespace of the deployment plans.</summary>
    public string Namespace { get; set; } = "safe6g-services";

    /// <summary>How often running components are checked for an overloaded IE; 0s disables polling (the alert webhook still works).</summary>
    public TimeSpan OverloadCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Demand of a component whose TOSCA does not say (num_cpus, mem_size).</summary>
    public DemandDefaults Defaults { get; set; } = new();

    public Weights Weights { get; set; } = new();

    /// <summary>Candidates shown with a full score breakdown in an explanation.</summary>
    public int ExplainTop { get; set; } = 5;

    public LoggingSettings Logging { get; set; } = new();

    /// <summary>
    /// JSON file holding the managed services (descriptors, placements, explanations, history), rewritten after every
    /// change and read at start, so a restart forgets nothing; null keeps them in memory only.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>
    /// Optional exporter-toolkit web config for the REST port (the HLO API changes deployments): TLS, mTLS, basic auth,
    /// response headers. The gRPC allocator port is left as it is (bind it to loopback or a private network).
    /// </summary>
    public string? WebConfigFile { get; set; }

    public void Validate(ConfigValidationContext context)
    {
        context.Require(!string.IsNullOrWhiteSpace(Domain), "domain", "must not be empty");
        context.Validate("prometheus", Prometheus);
        context.Validate("broker", Broker);
        if (GrpcListen.Length > 0)
        {
            try { ListenAddress.Parse(GrpcListen); }
            catch (FormatException ex) { context.Error("grpc_listen", ex.Message); }
        }
        context.Require(System.Text.RegularExpressions.Regex.IsMatch(Namespace, "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"), "namespace",
            "must be a Kubernetes namespace name (lower-case letters, digits, '-')");
        context.Require(OverloadCheckInterval >= TimeSpan.Zero, "overload_check_interval", "must not be negative");
        context.Validate("defaults", Defaults);
        context.Validate("weights", Weights);
        context.Require(ExplainTop is >= 1 and <= 100, "explain_top", "must be between 1 and 100");
        context.Validate("logging", Logging);
    }
}

/// <summary>Where IE state is read: a Prometheus-API endpoint (Prometheus or Thanos Query).</summary>
public sealed class PrometheusSettings : IValidatableConfig
{
    public string Url { get; set; } = "http://127.0.0.1:9090";

    /// <summary>Longest wait for one query; past it the request says Prometheus could not be read.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate(ConfigValidationContext context)
    {
        context.Require(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "url", "must be an absolute http(s) URL");
        context.Require(Timeout > TimeSpan.Zero, "timeout", "must be positive");
    }
}

/// <summary>The NGSI-LD context broker placements are written to.</summary>
public sealed class BrokerSettings : IValidatableConfig
{
    public string Url { get; set; } = "";
    public string? Tenant { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate(ConfigValidationContext context)
    {
        context.Require(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "url", "must be an absolute http(s) URL");
        context.Require(Timeout > TimeSpan.Zero, "timeout", "must be positive");
    }
}

/// <summary>Demand assumed when the descriptor gives none (the seed's smallest component budget is 0.1 vCPU).</summary>
public sealed class DemandDefaults : IValidatableConfig
{
    public double CpuCores { get; set; } = 0.1;
    public double RamMb { get; set; } = 256;

    public void Validate(ConfigValidationContext context)
    {
        context.Require(CpuCores > 0, "cpu_cores", "must be positive");
        context.Require(RamMb > 0, "ram_mb", "must be positive");
    }
}
