using System.Net;
using Safe6G.Gateway.Auth;
using Safe6G.Gateway.Config;
using Safe6G.Gateway.Hosting;
using Safe6G.Portal.Config;
using Safe6G.Portal.Hosting;
using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary>Metrics read through the real gateway: the signed-in user's token is forwarded and the tenant's view is what the portal shows.</summary>
[Collection("live")]
public sealed class GatewayTests(LiveSetup live)
{
    [Fact]
    public async Task A_upv_tenant_sees_only_its_domain_through_the_gateway()
    {
        using var dir = new TempDir("portal-gw");
        var (key, jwks) = TokenMinter.CreateDemoKeys(dir.Path);
        var auth = new AuthConfig { JwksFile = jwks, Issuer = "safe6g-demo", Audiences = ["safe6g-gateway"] };
        var gatewayConfig = new GatewayConfig { Thanos = new UpstreamConfig { Url = live.Prometheus.BaseUrl }, Auth = auth };
        gatewayConfig.Tenants["upv"] = new TenantConfig { Matchers = ["domain=\"upv\""] };
        await using var gateway = await GatewayHost.StartAsync(gatewayConfig, "127.0.0.1:0", CancellationToken.None);
        await using var portal = await PortalHost.StartAsync(new PortalConfig
        {
            Prometheus = new PrometheusSource { Url = new Uri(gateway.BaseAddress, "thanos/").ToString(), ViaGateway = true },
            OrchestratorUrl = live.Orchestrator.BaseAddress.ToString(),
            Auth = auth,
        }, "127.0.0.1:0", CancellationToken.None);

        using var web = new Web(portal.BaseAddress);
        var token = SignInTests.Token(key);
        using var signIn = await web.PostAsync("/signin", [new("token", token)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        web.Cookie = "safe6g_portal_token=" + token;

        var page = await web.PageAsync("/");
        Assert.Equal(["Domain upv"], page.QuerySelectorAll("section.domain h2").Select(h => h.TextContent).ToList());
        Assert.Equal(LiveSetup.UpvIes, page.QuerySelectorAll("tr.ie").Length);
        Assert.Null(page.QuerySelector(".notice.error"));
    }
}
