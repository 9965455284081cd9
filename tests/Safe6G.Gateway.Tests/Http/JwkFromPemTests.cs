using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Safe6G.Gateway.Auth;
using Safe6G.Gateway.Config;
using Safe6G.Gateway.Hosting;
using Safe6G.Testing;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>The CAPIF step: certificate PEM → JWK → a gateway that accepts tokens signed with the certificate's key.</summary>
public sealed class JwkFromPemTests : IDisposable
{
    private readonly TempDir _dir = new("safe6g-jwk");

    [Theory]
    [InlineData("RSA")]
    [InlineData("EC")]
    public async Task A_token_signed_with_the_certificates_key_is_accepted_with_the_converted_jwk(string kind)
    {
        using AsymmetricAlgorithm key = kind == "RSA" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = SelfSigned(key);
        var jwk = JwkFromPem.Convert(pem);
        Assert.Equal(kind, (string?)jwk["kty"]);
        Assert.Equal(JwkFromPem.Thumbprint(jwk), (string?)jwk["kid"]);
        Assert.Equal(kind == "RSA" ? "RS256" : "ES256", (string?)jwk["alg"]);

        // The JWK the library parses has the same public key and kid.
        var parsed = new JsonWebKey(jwk.ToJsonString());
        Assert.Equal((string?)jwk["kid"], parsed.Kid);

        var jwks = _dir.Write($"{kind}.jwks", new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString());
        var config = new GatewayConfig
        {
            Thanos = new UpstreamConfig { Url = $"http://127.0.0.1:{FreePort.Tcp()}" },
            Auth = new AuthConfig { JwksFile = jwks, Issuer = "capif", Audiences = ["gw"] },
        };
        config.Tenants["upv"] = new TenantConfig { Matchers = ["domain=\"upv\""] };
        await using var gateway = await GatewayHost.StartAsync(config, "127.0.0.1:0", CancellationToken.None);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        var token = TokenMinter.Mint(key, (string)jwk["kid"]!, new TokenRequest { Tenant = "upv", Issuer = "capif", Audience = "gw", Scopes = ["metrics:read"] });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/thanos/api/v1/labels");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(502, (int)response.StatusCode); // authenticated; the (absent) upstream is the only problem left
    }

    [Fact]
    public async Task The_cli_prints_the_jwk_and_refuses_a_file_without_a_certificate()
    {
        using var rsa = RSA.Create(2048);
        var cert = _dir.Write("cert.pem", SelfSigned(rsa));
        var (code, json, output) = await SafeCli.RunSplitAsync("gateway", "jwk-from-pem", "--cert", cert);
        Assert.True(code == 0, output);
        var printed = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(JwkFromPem.Convert(File.ReadAllText(cert)).ToJsonString(), printed.ToJsonString());

        var bad = _dir.Write("key.pem", rsa.ExportPkcs8PrivateKeyPem());
        var (badCode, badOutput) = await SafeCli.RunAsync("gateway", "jwk-from-pem", "--cert", bad);
        Assert.Equal(2, badCode);
        Assert.Contains(bad, badOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private static string SelfSigned(AsymmetricAlgorithm key)
    {
        var request = key is RSA rsa
            ? new CertificateRequest("CN=capif-invoker", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=capif-invoker", (ECDsa)key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return cert.ExportCertificatePem();
    }
}
