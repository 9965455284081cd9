using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Grpc;
using Safe6G.Orchestration.Tosca;
using Safe6G.Testing;
using static Safe6G.Orchestration.Tests.Fixtures;

namespace Safe6G.Orchestration.Tests;

/// <summary>The HLO API changes deployments, so it takes the same web config (TLS, basic auth) as every safe6g service.</summary>
public sealed class WebConfigTests : IDisposable
{
    private readonly TempDir _dir = new("orchestrator-web");

    private static FixedReader Continuum() => new([Ie("upv:01", usage: 0.1), Ie("upv:02", usage: 0.5)]);

    [Fact]
    public async Task Basic_auth_guards_the_rest_port_but_not_the_grpc_allocator()
    {
        var hash = BCrypt.Net.BCrypt.HashPassword("deploy-secret", workFactor: 4);
        var web = _dir.Write("web.yml", $"basic_auth_users:\n  operator: '{hash}'\n");
        await using var api = await ApiClient.StartAsync(Continuum(), c => c.WebConfigFile = web);

        using (var anonymous = await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/shop", Container("web")))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var wrong = await Send(api, "operator", "guess"))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Null(api.Host.Orchestrator.Get("shop"));

        using (var right = await Send(api, "operator", "deploy-secret"))
            Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
        Assert.NotNull(api.Host.Orchestrator.Get("shop"));

        // The allocator port answers without credentials, as before.
        var request = AllocateClient.BuildRequest("grpc", ToscaParser.Parse(Container("web")), await Continuum().ReadAsync(CancellationToken.None));
        var response = await AllocateClient.CallAsync(api.Host.GrpcAddress!, request, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(Assert.Single(response.ServiceComponentAllocations).NewAllocatedServiceComponent.InfrastructureElement);
    }

    [Fact]
    public async Task Tls_serves_the_hlo_api_over_https_with_the_configured_certificate()
    {
        var certs = TestCertificates.Create(_dir);
        var web = _dir.Write("tls.yml", $"tls_server_config:\n  cert_file: {certs.ServerCertFile}\n  key_file: {certs.ServerKeyFile}\n");
        await using var api = await ApiClient.StartAsync(Continuum(), c => c.WebConfigFile = web);
        Assert.Equal("https", api.Host.BaseAddress.Scheme);

        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(certs.Ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return cert is not null && chain.Build(cert);
            },
        };
        using var client = new HttpClient(handler);
        Assert.Equal("[]", await client.GetStringAsync(api.Url("/hlo_fe/services")));
    }

    public void Dispose() => _dir.Dispose();

    private static Task<HttpResponseMessage> Send(ApiClient api, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, api.Url("/hlo_fe/services/shop"))
        {
            Content = new StringContent(Container("web"), Encoding.UTF8, "application/x-yaml"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return api.Http.SendAsync(request);
    }
}
