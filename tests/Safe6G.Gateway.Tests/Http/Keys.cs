using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Safe6G.Gateway.Auth;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>Test signing keys: an RSA and an EC key in the gateway's JWKS, and one the gateway never sees.</summary>
public sealed class Keys : IDisposable
{
    public RSA Rsa { get; } = RSA.Create(2048);

    public ECDsa Ec { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public RSA Stranger { get; } = RSA.Create(2048);

    public const string RsaKid = "rsa-1";
    public const string EcKid = "ec-1";
    public const string Issuer = "https://capif.test";
    public const string Audience = "safe6g-gateway";

    public string JwksJson(params (AsymmetricAlgorithm Key, string Kid)[] keys) =>
        new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)TokenMinter.PublicJwk(k.Key, k.Kid))]) }.ToJsonString();

    public string DefaultJwks() => JwksJson((Rsa, RsaKid), (Ec, EcKid));

    /// <summary>A valid token for a tenant with the given scopes (all three by default), signed with the EC key.</summary>
    public string Token(string tenant, params string[] scopes) => Mint(Ec, EcKid, new TokenRequest
    {
        Tenant = tenant,
        Issuer = Issuer,
        Audience = Audience,
        Scopes = scopes.Length > 0 ? scopes : ["metrics:read", "logs:read", "datasets:export"],
    });

    public static string Mint(AsymmetricAlgorithm key, string kid, TokenRequest request) => TokenMinter.Mint(key, kid, request);

    public void Dispose()
    {
        Rsa.Dispose();
        Ec.Dispose();
        Stranger.Dispose();
    }
}
