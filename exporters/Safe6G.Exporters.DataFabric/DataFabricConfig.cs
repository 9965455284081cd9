using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;

namespace Safe6G.Exporters.DataFabric;

/// <summary>Config of the Data Fabric exporter: the NGSI-LD brokers to read (one per domain, or one federated entrypoint).</summary>
public sealed class DataFabricConfig : ExporterConfig
{
    /// <summary>The brokers; each becomes a source on /metrics and a module for /probe.</summary>
    public List<BrokerConfig> Brokers { get; set; } = [];

    /// <inheritdoc />
    public override void Validate(ConfigValidationContext context)
    {
        base.Validate(context);
        context.Require(Brokers.Count > 0, "brokers", "at least one broker is required");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Brokers.Count; i++)
        {
            var broker = Brokers[i];
            context.Validate($"brokers[{i}]", broker);
            if (!names.Add(broker.Name))
                context.Error($"brokers[{i}].name", $"duplicate broker name '{broker.Name}'");
            // A federated broker already answers for every domain; a second broker would count entities twice.
            if (!broker.Local && Brokers.Count > 1)
                context.Error($"brokers[{i}].local", "a federated broker (local: false) must be the only broker, or every broker is counted twice; use local: true per domain");
        }
    }
}

/// <summary>One NGSI-LD context broker (Orion-LD) and how to talk to it.</summary>
public sealed class BrokerConfig : IValidatableConfig
{
    /// <summary>Source name (the <c>source</c> label and the /probe module).</summary>
    public string Name { get; set; } = "";

    /// <summary>Broker base URL, e.g. http://orion-ld:1026 (the /ngsi-ld/v1 path is added).</summary>
    public string Url { get; set; } = "";

    /// <summary>True: only this broker's own entities (<c>local=true</c>); false: the federated continuum.</summary>
    public bool Local { get; set; } = true;

    /// <summary>NGSILD-Tenant; null for the default tenant.</summary>
    public string? Tenant { get; set; }

    /// <summary>Bearer token or OAuth2 client credentials; null for none.</summary>
    public BrokerAuthConfig? Auth { get; set; }

    /// <summary>Per-request timeout (the scrape deadline still applies).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Entities per page (Orion-LD allows 1..1000).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Send the <c>aerOS: true</c> header, as aeriOS components do for distributed requests.</summary>
    public bool AerosHeader { get; set; } = true;

    /// <summary>Representation to ask for: simplified (default), normalized or concise. All three give the same metrics.</summary>
    public string Format { get; set; } = "simplified";

    /// <summary>Entity types to read; the default is the whole aeriOS continuum model plus SAFE-6G's ServiceLifecycle.</summary>
    public List<string> EntityTypes { get; set; } = [.. EntityTypeNames.All];

    /// <summary>Skip TLS certificate verification (test beds with self-signed brokers). Off by default.</summary>
    public bool InsecureSkipVerify { get; set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(!string.IsNullOrWhiteSpace(Name), "name", "is required");
        context.Require(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "url", "must be an absolute http(s) URL");
        context.Require(Timeout > TimeSpan.Zero, "timeout", "must be positive");
        context.Require(PageSize is >= 1 and <= 1000, "page_size", "must be between 1 and 1000 (Orion-LD's limit)");
        context.Require(Format is "simplified" or "keyValues" or "normalized" or "concise", "format", "must be simplified, keyValues, normalized or concise");
        context.Require(EntityTypes.Count > 0, "entity_types", "must list at least one type");
        context.Require(Tenant is null || (Tenant.Length is > 0 and <= 52 && Tenant.IndexOfAny(['/', '.', ' ', '"', '\\', '$']) < 0), "tenant",
            "must be 1..52 characters without / . space \" \\ $ (Orion-LD's rule)");
        context.Validate("auth", Auth);
    }
}

/// <summary>How the exporter authenticates to a broker (or the gateway in front of it).</summary>
public sealed class BrokerAuthConfig : IValidatableConfig
{
    /// <summary>A static bearer token.</summary>
    public string? BearerToken { get; set; }

    /// <summary>OAuth2 client credentials (a Keycloak realm token endpoint, as aeriOS uses).</summary>
    public OAuth2Config? Oauth2 { get; set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require((BearerToken is null) != (Oauth2 is null), "", "set exactly one of bearer_token or oauth2");
        context.Validate("oauth2", Oauth2);
    }
}

/// <summary>OAuth2 client-credentials grant settings.</summary>
public sealed class OAuth2Config : IValidatableConfig
{
    /// <summary>Token endpoint, e.g. https://keycloak/realms/aerios/protocol/openid-connect/token.</summary>
    public string TokenUrl { get; set; } = "";

    /// <summary>Client id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Client secret.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Optional scope.</summary>
    public string? Scope { get; set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(Uri.TryCreate(TokenUrl, UriKind.Absolute, out _), "token_url", "must be an absolute URL");
        context.Require(!string.IsNullOrEmpty(ClientId), "client_id", "is required");
        context.Require(!string.IsNullOrEmpty(ClientSecret), "client_secret", "is required");
    }
}
