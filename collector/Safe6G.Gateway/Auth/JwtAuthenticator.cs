using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Safe6G.Gateway.Config;

namespace Safe6G.Gateway.Auth;

/// <summary>
/// Validates bearer JWTs: RS256/ES256 only (so alg=none and HS256-with-the-public-key are refused before any key is
/// tried), signature against the JWKS, iss, aud, exp/nbf with a small skew; then reads tenant and scopes.
/// </summary>
public sealed class JwtAuthenticator
{
    /// <summary>The only algorithms accepted.</summary>
    public static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>Validated tokens remembered at most (the cache is dropped whole when full: simple and bounded).</summary>
    public const int CacheCapacity = 10_000;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);
    private readonly AuthConfig _config;
    private readonly JwksSource _keys;
    private readonly TimeProvider _clock;

    /// <summary>Creates the authenticator.</summary>
    public JwtAuthenticator(AuthConfig config, JwksSource keys, TimeProvider? clock = null)
    {
        _config = config;
        _keys = keys;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Checks an Authorization header value.</summary>
    public async Task<AuthResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return AuthResult.Fail("missing bearer token");
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Fail("authorization must be a Bearer token");
        }

        var raw = authorization[7..].Trim();

        // A signature check costs more than the whole proxy hop; a token that passed every check stays good until it
        // expires (the skew already allowed for) or the key set changes, so remember it with the keys it was checked
        // against. Only exact token strings hit, so nothing can be forged; a key removed from the JWKS stops admitting
        // its tokens at the next JWKS refresh, cached or not.
        if (_validated.TryGetValue(raw, out var hit))
        {
            if (hit.Expires <= _clock.GetUtcNow().UtcDateTime)
            {
                _validated.TryRemove(raw, out _);
                return AuthResult.Fail("token expired");
            }

            if (ReferenceEquals(await _keys.KeysForAsync(hit.Kid, cancellationToken).ConfigureAwait(false), hit.Keys))
            {
                return new AuthResult(hit.Caller, null);
            }

            _validated.TryRemove(raw, out _);
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return AuthResult.Fail("malformed token");
        }

        if (!Algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return AuthResult.Fail($"token algorithm {jwt.Alg} is not accepted (RS256 or ES256 only)");
        }

        var kid = string.IsNullOrEmpty(jwt.Kid) ? null : jwt.Kid;
        var keys = await _keys.KeysForAsync(kid, cancellationToken).ConfigureAwait(false);
        var candidates = kid is null ? keys : keys.Where(k => k.Kid == kid).ToList();
        if (candidates.Count == 0)
        {
            return AuthResult.Fail(kid is null ? "no signing keys" : $"unknown signing key id {kid}");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _config.Issuer,
            ValidAudiences = _config.Audiences,
            IssuerSigningKeys = candidates,
            ValidAlgorithms = Algorithms,
            ClockSkew = _config.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            LifetimeValidator = ValidateLifetime,
        };
        var result = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthResult.Fail(Describe(result.Exception));
        }

        if (!jwt.TryGetPayloadValue<object>(_config.TenantClaim, out var tenantValue) || tenantValue is not string tenant || tenant.Length == 0)
        {
            return AuthResult.Fail($"token has no {_config.TenantClaim} claim");
        }

        var caller = new Caller(tenant, ReadScopes(jwt), jwt.Subject ?? "");
        if (_validated.Count >= CacheCapacity)
        {
            _validated.Clear();
        }

        _validated[raw] = new Validated(caller, jwt.ValidTo.Add(_config.ClockSkew), kid, keys);
        return new AuthResult(caller, null);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value.Add(_config.ClockSkew) < now)
        {
            throw new SecurityTokenExpiredException("token expired");
        }

        if (notBefore is { } nbf && nbf.Subtract(_config.ClockSkew) > now)
        {
            throw new SecurityTokenNotYetValidException("token not yet valid");
        }

        return true;
    }

    private HashSet<string> ReadScopes(JsonWebToken jwt)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in _config.ScopeClaims)
        {
            foreach (var c in jwt.Claims.Where(c => c.Type == claim))
            {
                // A space-separated "scope" string and JSON arrays (one claim per element) both end up here.
                foreach (var part in c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    scopes.Add(part);
                }
            }
        }

        return scopes;
    }

    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidAlgorithmException => "algorithm not accepted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenNoExpirationException => "token has no expiry",
        null => "invalid token",
        _ => "invalid token: " + ex.GetType().Name.Replace("SecurityToken", "", StringComparison.Ordinal).Replace("Exception", "", StringComparison.Ordinal),
    };

    private sealed record Validated(Caller Caller, DateTime Expires, string? Kid, IReadOnlyList<JsonWebKey> Keys);
}
