using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Sdk.Http;

/// <summary>
/// The part every polled HTTP API shares in an exporter's config (a CNC core, a Metaverse manager): its name, base
/// URL, timeout, TLS and credentials. Exporters derive their per-API section from it and add what is theirs.
/// </summary>
public abstract class HttpApiSettings : IValidatableConfig
{
    /// <summary>Source name: a label on the exporter's series, the <c>source</c> of <c>_up</c> and the /probe module.</summary>
    public string Name { get; set; } = "";

    /// <summary>API base URL (http or https).</summary>
    public string Url { get; set; } = "";

    /// <summary>Per-request timeout (the scrape deadline still applies).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Certificate checks.</summary>
    public HttpTlsSettings? Tls { get; set; }

    /// <summary>Credentials, when the API asks for them.</summary>
    public HttpAuthSettings? Auth { get; set; }

    /// <inheritdoc />
    public virtual void Validate(ConfigValidationContext context)
    {
        context.Require(!string.IsNullOrWhiteSpace(Name) && Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'), "name",
            "is required (letters, digits, '-', '_', '.')");
        context.Require(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "url", "must be an absolute http(s) URL");
        context.Require(Timeout > TimeSpan.Zero, "timeout", "must be positive");
        context.Validate("tls", Tls);
        HttpAuthSettings.Validate(context, "auth", Auth);
    }
}
