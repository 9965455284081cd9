using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Sdk.Web;

/// <summary>
/// The web configuration file of prometheus/exporter-toolkit (<c>--web.config.file</c>): TLS, client
/// certificates and bcrypt basic auth, with the same field names so existing files work unchanged.
/// </summary>
public sealed class WebConfig : IValidatableConfig
{
    /// <summary>TLS settings; absent means plain HTTP.</summary>
    public TlsServerConfig? TlsServerConfig { get; set; }

    /// <summary>Extra HTTP settings.</summary>
    public HttpServerConfig? HttpServerConfig { get; set; }

    /// <summary>User name → bcrypt hash.</summary>
    public Dictionary<string, string> BasicAuthUsers { get; set; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Validate("tls_server_config", TlsServerConfig);
        foreach (var (user, hash) in BasicAuthUsers)
        {
            context.Require(!string.IsNullOrEmpty(user) && !user.Contains(':', StringComparison.Ordinal), $"basic_auth_users.{user}", "user names may not be empty or contain ':'");
            context.Require(hash.StartsWith("$2", StringComparison.Ordinal), $"basic_auth_users.{user}", "must be a bcrypt hash (starting with $2a$, $2b$ or $2y$)");
        }
    }
}

/// <summary>The <c>tls_server_config</c> section.</summary>
public sealed class TlsServerConfig : IValidatableConfig
{
    /// <summary>Valid values of <see cref="ClientAuthType"/>, as in Go's crypto/tls.</summary>
    public static readonly string[] ClientAuthTypes =
        ["NoClientCert", "RequestClientCert", "RequireAnyClientCert", "VerifyClientCertIfGiven", "RequireAndVerifyClientCert"];

    /// <summary>PEM server certificate (chain).</summary>
    public string CertFile { get; set; } = "";

    /// <summary>PEM private key.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>How client certificates are asked for and checked.</summary>
    public string ClientAuthType { get; set; } = "NoClientCert";

    /// <summary>PEM CA bundle that client certificates must chain to.</summary>
    public string? ClientCaFile { get; set; }

    /// <summary>Lowest TLS version: TLS12 (default) or TLS13.</summary>
    public string MinVersion { get; set; } = "TLS12";

    /// <summary>Base folder for relative file paths (the web config's own folder).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string BaseDirectory { get; set; } = "";

    /// <summary>Resolves a path from the config relative to the config file.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(BaseDirectory, path);

    /// <summary>True when the client certificate must chain to <see cref="ClientCaFile"/>.</summary>
    public bool VerifiesClients => ClientAuthType is "VerifyClientCertIfGiven" or "RequireAndVerifyClientCert";

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(!string.IsNullOrWhiteSpace(CertFile), "cert_file", "is required when tls_server_config is set");
        context.Require(!string.IsNullOrWhiteSpace(KeyFile), "key_file", "is required when tls_server_config is set");
        context.Require(ClientAuthTypes.Contains(ClientAuthType), "client_auth_type", $"must be one of {string.Join(", ", ClientAuthTypes)}");
        context.Require(!VerifiesClients || !string.IsNullOrWhiteSpace(ClientCaFile), "client_ca_file", $"is required with client_auth_type {ClientAuthType}");
        context.Require(MinVersion is "TLS12" or "TLS13", "min_version", "must be TLS12 or TLS13");
    }
}

/// <summary>The <c>http_server_config</c> section.</summary>
public sealed class HttpServerConfig
{
    /// <summary>Response headers added to every answer (e.g. Strict-Transport-Security).</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
