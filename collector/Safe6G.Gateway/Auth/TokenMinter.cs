using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safe6G.Gateway.Auth;

/// <summary>
/// Demo and test key material: a signing key in PEM with its public JWKS, and tokens minted with it. Never a
/// production token issuer (that is the CAPIF/Keycloak side); it exists so the demo can print example tokens.
/// </summary>
public static class TokenMinter
{
    /// <summary>Writes <c>signing-key.pem</c> (private, PKCS#8) and <c>jwks.json</c> (public) to a folder.</summary>
    public static (string KeyFile, string JwksFile) CreateDemoKeys(string directory, string algorithm = "ES256", string kid = "demo-1")
    {
        Directory.CreateDirectory(directory);
        var keyFile = Path.Combine(directory, "signing-key.pem");
        var jwksFile = Path.Combine(directory, "jwks.json");
        using AsymmetricAlgorithm key = algorithm == "RS256" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(jwksFile, new JsonObject { ["keys"] = new JsonArray(PublicJwk(key, kid)) }.ToJsonString(new() { WriteIndented = true }));
        return (keyFile, jwksFile);
    }

    /// <summary>The public JWK of a key.</summary>
    public static JsonObject PublicJwk(AsymmetricAlgorithm key, string kid)
    {
        switch (key)
        {
            case RSA rsa:
                var r = rsa.ExportParameters(false);
                return new JsonObject { ["kty"] = "RSA", ["kid"] = kid, ["use"] = "sig", ["alg"] = "RS256", ["n"] = Base64UrlEncoder.Encode(r.Modulus), ["e"] = Base64UrlEncoder.Encode(r.Exponent) };
            case ECDsa ec:
                var e = ec.ExportParameters(false);
                return new JsonObject { ["kty"] = "EC", ["kid"] = kid, ["use"] = "sig", ["alg"] = "ES256", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(e.Q.X), ["y"] = Base64UrlEncoder.Encode(e.Q.Y) };
            default:
                throw new ArgumentException("RSA or ECDsa keys only", nameof(key));
        }
    }

    /// <summary>Loads a PKCS#8/PKCS#1/SEC1 private key PEM as ECDsa or RSA.</summary>
    /// <exception cref="FormatException">The file holds no usable private key.</exception>
    public static AsymmetricAlgorithm LoadPrivateKey(string pem)
    {
        foreach (var create in new Func<AsymmetricAlgorithm>[] { () => ECDsa.Create(), () => RSA.Create() })
        {
            var key = create();
            try
            {
                if (key is ECDsa ec)
                {
                    ec.ImportFromPem(pem);
                }
                else
                {
                    ((RSA)key).ImportFromPem(pem);
                }

                return key;
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                key.Dispose();
            }
        }

        throw new FormatException("no RSA or EC private key found in the PEM");
    }

    /// <summary>Mints a signed token.</summary>
    public static string Mint(AsymmetricAlgorithm key, string kid, TokenRequest request)
    {
        SecurityKey securityKey = key switch
        {
            RSA rsa => new RsaSecurityKey(rsa) { KeyId = kid },
            ECDsa ec => new ECDsaSecurityKey(ec) { KeyId = kid },
            _ => throw new ArgumentException("RSA or ECDsa keys only", nameof(key)),
        };
        var alg = key is RSA ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.EcdsaSha256;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        if (request.Tenant is not null)
        {
            claims[request.TenantClaim] = request.Tenant;
        }

        if (request.Scopes.Count > 0)
        {
            claims["scope"] = string.Join(' ', request.Scopes);
        }

        var now = request.IssuedAt ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = request.Issuer,
            Audience = request.Audience,
            Claims = claims,
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", request.Subject)]),
            IssuedAt = now,
            NotBefore = request.NotBefore ?? now,
            Expires = now + request.Lifetime,
            SigningCredentials = new SigningCredentials(securityKey, alg),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

}

/// <summary>What to put in a minted token.</summary>
public sealed record TokenRequest
{
    /// <summary>iss.</summary>
    public string Issuer { get; init; } = "safe6g-demo";

    /// <summary>aud.</summary>
    public string Audience { get; init; } = "safe6g-gateway";

    /// <summary>Tenant claim value; null leaves the claim out.</summary>
    public string? Tenant { get; init; }

    /// <summary>Name of the tenant claim.</summary>
    public string TenantClaim { get; init; } = "tenant";

    /// <summary>Scopes, written space-separated into "scope".</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>sub.</summary>
    public string Subject { get; init; } = "demo";

    /// <summary>exp - iat.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>iat; null means now.</summary>
    public DateTime? IssuedAt { get; init; }

    /// <summary>nbf; null means iat.</summary>
    public DateTime? NotBefore { get; init; }
}
