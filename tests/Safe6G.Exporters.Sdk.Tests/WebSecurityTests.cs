using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Web;
using Safe6G.Testing;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class WebSecurityTests
{
    private static HttpClient ClientTrusting(X509Certificate2 ca, X509Certificate2? clientCertificate = null)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && ServerChains(cert, ca),
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(clientCertificate);
        }
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private static bool ServerChains(X509Certificate2 cert, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(cert);
    }

    private static Func<TempDir, string> Web(string clientAuth, bool withCa, string extra = "") => dir =>
    {
        var certs = TestCertificates.Create(dir);
        Certs[dir.Path] = certs;
        var yaml = $"tls_server_config:\n  cert_file: server.pem\n  key_file: server-key.pem\n  client_auth_type: {clientAuth}\n"
            + (withCa ? "  client_ca_file: ca.pem\n" : "") + extra;
        return dir.Write("web.yml", yaml);
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TestCertificates> Certs = new();

    [Fact]
    public async Task Tls_serves_https_with_the_configured_certificate()
    {
        await using var host = await ExampleHost.StartAsync("series: 1\n", webConfig: Web("NoClientCert", withCa: false));
        Assert.Equal("https", host.Host.BaseAddress.Scheme);
        using var client = ClientTrusting(Certs[host.Dir.Path].Ca);
        Assert.Contains("example_up", await client.GetStringAsync(host.Url("/metrics")));

        // Refused: plain HTTP on the TLS port gets no metrics, and a client that does not trust the CA gets no connection.
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var http = new UriBuilder(host.Url("/metrics")) { Scheme = "http" }.Uri;
        var plainFailed = false;
        try
        {
            using var answer = await plain.GetAsync(http);
            plainFailed = !answer.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            plainFailed = true;
        }
        Assert.True(plainFailed, "plain HTTP was served on the TLS port");
        using var untrusting = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetStringAsync(host.Url("/metrics")));
        Assert.IsType<System.Security.Authentication.AuthenticationException>(refused.InnerException);
    }

    [Fact]
    public async Task Mtls_accepts_a_client_certificate_from_the_ca_and_refuses_none_or_a_foreign_one()
    {
        await using var host = await ExampleHost.StartAsync("series: 1\n", webConfig: Web("RequireAndVerifyClientCert", withCa: true));
        var certs = Certs[host.Dir.Path];

        using (var trusted = ClientTrusting(certs.Ca, certs.TrustedClient))
            Assert.Contains("example_up", await trusted.GetStringAsync(host.Url("/metrics")));

        using (var none = ClientTrusting(certs.Ca))
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => none.GetStringAsync(host.Url("/metrics")));

        using (var rogue = ClientTrusting(certs.Ca, certs.UntrustedClient))
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => rogue.GetStringAsync(host.Url("/metrics")));
    }

    [Fact]
    public async Task Basic_auth_allows_the_right_password_and_refuses_others()
    {
        var hash = BCrypt.Net.BCrypt.HashPassword("s3cret", workFactor: 4);
        await using var host = await ExampleHost.StartAsync("series: 1\n", webConfigYaml: $"basic_auth_users:\n  prometheus: '{hash}'\n");
        async Task<HttpStatusCode> Get(string? user, string? password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, host.Url("/metrics"));
            if (user is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
            using var response = await Testing.Http.Client.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Get("prometheus", "s3cret"));
        Assert.Equal(HttpStatusCode.OK, await Get("prometheus", "s3cret"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get("prometheus", "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get("someone", "s3cret"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(null, null));
    }

    [Fact]
    public void Web_config_errors_name_the_field()
    {
        using var dir = new TempDir();
        var file = dir.Write("web.yml", "tls_server_config:\n  cert_file: a.pem\n  key_file: b.pem\n  client_auth_type: Sometimes\n");
        var ex = Assert.Throws<ConfigException>(() => WebConfigLoader.Load(file));
        Assert.Contains(ex.Errors, e => e.Field == "tls_server_config.client_auth_type" && e.Line == 4);

        var missing = dir.Write("web2.yml", "tls_server_config:\n  cert_file: a.pem\n  key_file: b.pem\n");
        var ex2 = Assert.Throws<ConfigException>(() => WebConfigLoader.Load(missing));
        Assert.Contains(ex2.Errors, e => e.Field == "tls_server_config.cert_file" && e.Message.Contains("file not found", StringComparison.Ordinal));
    }
}
