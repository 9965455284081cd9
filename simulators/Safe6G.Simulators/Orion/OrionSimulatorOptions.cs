using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Orion;

/// <summary>
/// Options of <c>safe6g sim orion</c>. Command-line mapping:
/// <c>--listen HOST:PORT</c> → <see cref="Listen"/> (default 127.0.0.1:0, port 0 = free port);
/// <c>--seed N</c> → <see cref="Seed"/>; <c>--scale N</c> → <see cref="Scale"/> (InfrastructureElements in this domain);
/// <c>--domain NAME</c> → <see cref="Domain"/>; <c>--peer URL</c> (repeatable) → <see cref="Peers"/>;
/// <c>--tenant NAME</c> (repeatable) → <see cref="Tenants"/>; <c>--page-size N</c> → <see cref="DefaultPageSize"/>; <c>--sdm-quirks</c> → <see cref="SdmQuirks"/>;
/// <c>--token T</c>, <c>--client ID:SECRET</c> (repeatable), <c>--token-lifetime-seconds N</c> → <see cref="Auth"/>;
/// fault switches <c>--latency-ms</c>, <c>--error-rate</c>, <c>--error-status</c>, <c>--malformed-rate</c>, <c>--down</c>, <c>--flap-seconds</c> → <see cref="Faults"/>.
/// </summary>
public sealed record OrionSimulatorOptions
{
    /// <summary>Listen address HOST:PORT; port 0 picks a free port. Default 127.0.0.1:0.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>Seed of the generated continuum (and of the fault dice). Same seed and domain → same entities.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Number of InfrastructureElements in this domain; services are scale/10 (at least 1), each with 1..3 components.</summary>
    public int Scale { get; init; } = 5;

    /// <summary>Domain name; the Domain entity is urn:ngsi-ld:Domain:NAME and IE ids carry NAME as domain suffix.</summary>
    public string Domain { get; init; } = "domain01";

    /// <summary>
    /// Base URLs of federated peer brokers (other domains). With peers, GET /entities without local=true is a
    /// distributed query: this broker asks every peer with local=true and answers with an NGSILD-EntityMap.
    /// </summary>
    public IReadOnlyList<Uri> Peers { get; init; } = [];

    /// <summary>
    /// Tenants that exist from the start (seeded like the default tenant, with different data). Requests naming
    /// another tenant in NGSILD-Tenant get 404 NonExistingTenant on reads; a POST creates the tenant (Orion-LD -multiservice).
    /// </summary>
    public IReadOnlyList<string> Tenants { get; init; } = [];

    /// <summary>When false the broker behaves as if started without -multiservice: any tenant header → 400.</summary>
    public bool MultiService { get; init; } = true;

    /// <summary>
    /// When true about a third of the IEs are written Smart-Data-Models style: enums as plain-string Properties
    /// ("Ready", "AMD64", "Overloaded") and CPU/RAM percentages as floats. Off by default (deployed aeriOS style).
    /// </summary>
    public bool SdmQuirks { get; init; }

    /// <summary>Page size used when a request has no limit (Orion-LD -pageSize, default 20).</summary>
    public int DefaultPageSize { get; init; } = 20;

    /// <summary>Fault injection in force from the start; change at runtime with POST /_sim/faults.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Clock for moving values (CPU, RAM, power...); tests pass a fixed one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Bearer-token protection as the aeriOS gateway applies it (401 without a valid token); tokens come from
    /// <see cref="AuthSettings.StaticTokens"/> or from POST /realms/{realm}/protocol/openid-connect/token. Null = open.
    /// </summary>
    public AuthSettings? Auth { get; init; }

    /// <summary>Timeout of one request to a federated peer.</summary>
    public TimeSpan PeerTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns the reason the options are invalid, or null.</summary>
    public string? Validate()
    {
        if (!ListenAddress.TryParse(Listen, out _, out var listenError)) return listenError;
        if (Auth is { } auth && auth.TokenLifetime <= TimeSpan.Zero) return "token lifetime must be positive";
        if (Scale < 0) return "scale must be >= 0";
        if (DefaultPageSize is < 1 or > 1000) return "page size must be within 1..1000";
        if (string.IsNullOrWhiteSpace(Domain) || Domain.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_')))
            return "domain must be letters, digits, '-' or '_'";
        foreach (var peer in Peers)
            if (!peer.IsAbsoluteUri || peer.Scheme is not ("http" or "https")) return $"peer '{peer}' is not an http(s) URL";
        foreach (var tenant in Tenants)
            if (TenantName.Validate(tenant) is { } tenantError) return tenantError;
        return Faults.Validate();
    }
}
