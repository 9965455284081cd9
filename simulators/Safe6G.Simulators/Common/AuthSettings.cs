namespace Safe6G.Simulators.Common;

/// <summary>
/// Optional bearer-token protection, like the aeriOS KrakenD gateway in front of Orion-LD: static tokens and/or
/// OAuth2 client-credentials clients served by a Keycloak-style token endpoint
/// (<c>POST /realms/{realm}/protocol/openid-connect/token</c>). Null or empty settings leave the simulator open.
/// </summary>
public sealed record AuthSettings
{
    /// <summary>Tokens accepted as <c>Authorization: Bearer TOKEN</c> forever.</summary>
    public IReadOnlyList<string> StaticTokens { get; init; } = [];

    /// <summary>client_id → client_secret pairs the token endpoint accepts (form fields or HTTP Basic).</summary>
    public IReadOnlyDictionary<string, string> Clients { get; init; } = new Dictionary<string, string>();

    /// <summary>Lifetime of minted tokens (expires_in); after it the token gets 401, so clients must refresh.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>True when any protection is configured.</summary>
    public bool Enabled => StaticTokens.Count > 0 || Clients.Count > 0;
}
