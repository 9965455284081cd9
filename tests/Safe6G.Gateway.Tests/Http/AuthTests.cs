using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Safe6G.Gateway.Auth;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>Every broken token is a 401 with Prometheus-style JSON; a missing scope or unknown tenant is a 403.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthTests(GatewayFixture f)
{
    private const string Path = "/thanos/api/v1/query?query=up";

    private TokenRequest Valid => new() { Tenant = "upv", Issuer = Keys.Issuer, Audience = Keys.Audience, Scopes = ["metrics:read"] };

    [Fact]
    public async Task Valid_es256_and_rs256_tokens_are_accepted()
    {
        Assert.Equal(200, (await f.GetAsync(Path, Keys.Mint(f.Keys.Ec, Keys.EcKid, Valid))).Status);
        Assert.Equal(200, (await f.GetAsync(Path, Keys.Mint(f.Keys.Rsa, Keys.RsaKid, Valid))).Status);
    }

    public static TheoryData<string> BrokenTokens() =>
    [
        "missing", "garbage", "alg-none", "hs256-public-key", "expired", "not-yet-valid", "wrong-issuer", "wrong-audience",
        "unknown-kid", "bad-signature", "stranger-key-known-kid", "no-tenant", "basic-auth", "no-exp",
    ];

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task Broken_tokens_get_401_json(string kind)
    {
        var token = Broken(kind);
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (kind == "basic-auth")
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        }
        else if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        using var response = await f.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(401 == (int)response.StatusCode, $"{kind}: {(int)response.StatusCode} {body}");
        Assert.Contains("\"errorType\":\"unauthorized\"", body, StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Missing_scope_is_403_and_each_route_family_has_its_own_scope()
    {
        var logsOnly = f.Keys.Token("upv", "logs:read");
        var (status, json) = await f.GetAsync(Path, logsOnly);
        Assert.Equal(403, status);
        Assert.Equal("forbidden", json.GetProperty("errorType").GetString());
        Assert.Contains("metrics:read", json.GetProperty("error").GetString(), StringComparison.Ordinal);

        var metricsOnly = f.Keys.Token("upv", "metrics:read");
        Assert.Equal(403, (await f.GetAsync("/loki/loki/api/v1/labels", metricsOnly)).Status);
        Assert.Equal(403, (await f.GetAsync("/datasets/export?query=up&start=0&end=60&step=15s", metricsOnly)).Status);
        Assert.Equal(200, (await f.GetAsync("/loki/loki/api/v1/labels", logsOnly)).Status);
    }

    [Fact]
    public async Task A_tenant_the_config_does_not_know_is_403()
    {
        var (status, json) = await f.GetAsync(Path, f.Keys.Token("mallory"));
        Assert.Equal(403, status);
        Assert.Contains("mallory", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private string? Broken(string kind)
    {
        var now = DateTime.UtcNow;
        return kind switch
        {
            "missing" or "basic-auth" => null,
            "garbage" => "not.a.jwt",
            "alg-none" => Unsigned(new { alg = "none", typ = "JWT", kid = Keys.EcKid }, Claims(now)),
            "hs256-public-key" => Hs256WithPublicKey(now),
            "expired" => Keys.Mint(f.Keys.Ec, Keys.EcKid, Valid with { IssuedAt = now.AddHours(-2), Lifetime = TimeSpan.FromHours(1) }),
            "not-yet-valid" => Keys.Mint(f.Keys.Ec, Keys.EcKid, Valid with { IssuedAt = now, NotBefore = now.AddMinutes(10) }),
            "wrong-issuer" => Keys.Mint(f.Keys.Ec, Keys.EcKid, Valid with { Issuer = "https://evil.test" }),
            "wrong-audience" => Keys.Mint(f.Keys.Ec, Keys.EcKid, Valid with { Audience = "grafana" }),
            "unknown-kid" => Keys.Mint(f.Keys.Ec, "who-is-this", Valid),
            "bad-signature" => Tamper(Keys.Mint(f.Keys.Ec, Keys.EcKid, Valid)),
            "stranger-key-known-kid" => Keys.Mint(f.Keys.Stranger, Keys.RsaKid, Valid),
            "no-tenant" => Keys.Mint(f.Keys.Ec, Keys.EcKid, Valid with { Tenant = null }),
            "no-exp" => Sign(f.Keys.Ec, new { alg = "ES256", typ = "JWT", kid = Keys.EcKid }, new { iss = Keys.Issuer, aud = Keys.Audience, tenant = "upv", scope = "metrics:read" }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static object Claims(DateTime now) => new
    {
        iss = Keys.Issuer,
        aud = Keys.Audience,
        tenant = "upv",
        scope = "metrics:read",
        exp = new DateTimeOffset(now.AddHours(1)).ToUnixTimeSeconds(),
        nbf = new DateTimeOffset(now).ToUnixTimeSeconds(),
    };

    private static string Part(object o) => Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(o));

    private static string Unsigned(object header, object claims) => $"{Part(header)}.{Part(claims)}.";

    // The classic confusion attack: sign HS256 with the RSA public key bytes as the HMAC secret.
    private string Hs256WithPublicKey(DateTime now)
    {
        var input = $"{Part(new { alg = "HS256", typ = "JWT", kid = Keys.RsaKid })}.{Part(Claims(now))}";
        var secret = Encoding.UTF8.GetBytes(f.Keys.Rsa.ExportSubjectPublicKeyInfoPem());
        return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    private static string Sign(ECDsa key, object header, object claims)
    {
        var input = $"{Part(header)}.{Part(claims)}";
        return input + "." + Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }

    // Change the payload (tenant upv → ncsrd) and keep the old signature.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"upv\"", "\"ops\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
