using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Gateway.Auth;
using Safe6G.Gateway.Config;
using Safe6G.Gateway.Hosting;
using Safe6G.Simulators.Common;
using Safe6G.Testing;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>Gateways with their own config: dead upstreams, JWKS over HTTP, config errors, self-metrics.</summary>
public sealed class StandaloneGatewayTests : IDisposable
{
    private readonly TempDir _dir = new("safe6g-gateway-alone");
    private readonly Keys _keys = new();

    [Fact]
    public async Task A_dead_thanos_gives_502_json_quickly_and_the_gateway_keeps_serving()
    {
        var config = Config($"http://127.0.0.1:{FreePort.Tcp()}");
        await using var gateway = await GatewayHost.StartAsync(config, "127.0.0.1:0", CancellationToken.None);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = _keys.Token("upv");
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/thanos/api/v1/query?query=up");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(502, (int)response.StatusCode);
            using var doc = JsonDocument.Parse(body);
            Assert.Equal("error", doc.RootElement.GetProperty("status").GetString());
            Assert.Equal("unavailable", doc.RootElement.GetProperty("errorType").GetString());
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        }

        using var export = new HttpRequestMessage(HttpMethod.Get, "/datasets/export?query=up&start=0&end=600&step=60");
        export.Headers.Authorization = new("Bearer", token);
        using var exportResponse = await client.SendAsync(export);
        Assert.Equal(502, (int)exportResponse.StatusCode);
    }

    [Fact]
    public async Task A_thanos_that_hangs_gives_504_within_the_timeout()
    {
        await using var slow = await SimulatorHost.StartAsync(new SimulatorOptions { Faults = new FaultSettings { LatencyMs = 20_000 } },
            app => app.MapPost("/api/v1/query", () => Results.Json(new { status = "success" })), CancellationToken.None);
        var config = Config(slow.BaseAddress.ToString());
        config.Thanos.Timeout = TimeSpan.FromSeconds(1);
        await using var gateway = await GatewayHost.StartAsync(config, "127.0.0.1:0", CancellationToken.None);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/thanos/api/v1/query?query=up");
        request.Headers.Authorization = new("Bearer", _keys.Token("upv"));
        using var response = await client.SendAsync(request);
        Assert.Equal(504, (int)response.StatusCode);
        Assert.Contains("\"errorType\":\"timeout\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jwks_url_is_refetched_on_an_unknown_kid_but_not_more_than_the_rate_limit_allows()
    {
        var jwks = _keys.JwksJson((_keys.Ec, Keys.EcKid));
        var served = 0;
        await using var keyServer = await SimulatorHost.StartAsync(new SimulatorOptions(), app => app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref served);
            return Results.Text(Volatile.Read(ref jwks), "application/json");
        }), CancellationToken.None);
        var config = Config("http://127.0.0.1:9");
        config.Auth.JwksFile = null;
        config.Auth.JwksUrl = new Uri(keyServer.BaseAddress, "jwks").ToString();
        config.Auth.JwksMinRefreshInterval = TimeSpan.FromHours(1);
        await using var gateway = await GatewayHost.StartAsync(config, "127.0.0.1:0", CancellationToken.None);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        Assert.Equal(1, served);

        // The key server rotates in the RSA key; a token signed with it makes the gateway refetch once and accept.
        Volatile.Write(ref jwks, _keys.DefaultJwks());
        var rotated = Keys.Mint(_keys.Rsa, Keys.RsaKid, new TokenRequest { Tenant = "upv", Issuer = Keys.Issuer, Audience = Keys.Audience, Scopes = ["metrics:read"] });
        Assert.NotEqual(401, await StatusAsync(client, rotated));
        Assert.Equal(2, served);

        // A flood of unknown kids inside the rate limit does not reach the key server.
        for (var i = 0; i < 5; i++)
        {
            var stranger = Keys.Mint(_keys.Stranger, $"random-{i}", new TokenRequest { Tenant = "upv", Issuer = Keys.Issuer, Audience = Keys.Audience });
            Assert.Equal(401, await StatusAsync(client, stranger));
        }

        Assert.Equal(2, served);
    }

    [Fact]
    public async Task A_tenant_over_its_rate_limit_gets_429_with_retry_after_and_other_tenants_do_not_notice()
    {
        var config = Config($"http://127.0.0.1:{FreePort.Tcp()}");
        config.Tenants["upv"].RateLimit = new RateLimitConfig { RequestsPerSecond = 0.01, Burst = 2 };
        config.Tenants["ncsrd"] = new TenantConfig { Matchers = ["domain=\"ncsrd\""] };
        await using var gateway = await GatewayHost.StartAsync(config, "127.0.0.1:0", CancellationToken.None);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var upv = _keys.Token("upv");

        // The burst passes (to a dead upstream: 502), the next request is refused before any upstream work.
        Assert.Equal(502, await StatusAsync(client, upv));
        Assert.Equal(502, await StatusAsync(client, upv));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/thanos/api/v1/query?query=up");
        request.Headers.Authorization = new("Bearer", upv);
        using var refused = await client.SendAsync(request);
        Assert.Equal(429, (int)refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 90 and <= 100 }, $"Retry-After {retryAfter}");
        using var doc = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("error", doc.RootElement.GetProperty("status").GetString());
        Assert.Contains("rate limit", doc.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);

        // Another tenant has its own budget (none here), and the refusal is counted.
        for (var i = 0; i < 5; i++)
            Assert.Equal(502, await StatusAsync(client, _keys.Token("ncsrd")));
        Assert.Matches("safe6g_gateway_rejected_queries_total\\{[^}]*reason=\"rate_limited\"", await client.GetStringAsync("/metrics"));
    }

    [Fact]
    public void A_rate_limit_without_a_positive_rate_is_a_config_error_with_its_line()
    {
        var file = _dir.Write("limited.yml", """
            thanos: {url: "http://127.0.0.1:9090"}
            auth: {jwks_file: jwks.json, issuer: x, audiences: [y]}
            tenants:
              upv:
                matchers: ['domain="upv"']
                rate_limit: {requests_per_second: 0, burst: 0}
            """);
        var ex = Assert.Throws<ConfigException>(() => YamlConfigLoader.Load<GatewayConfig>(file));
        Assert.Contains(ex.Errors, e => e.Field == "tenants.upv.rate_limit.requests_per_second" && e.Line == 6);
        Assert.Contains(ex.Errors, e => e.Field == "tenants.upv.rate_limit.burst" && e.Line == 6);
    }

    [Fact]
    public void Config_errors_name_file_line_and_field()
    {
        var file = _dir.Write("gateway.yml", """
            thanos:
              url: "not a url"
            auth:
              jwks_file: /nonexistent/jwks.json
              issuer: x
              audiences: [y]
            tenants:
              upv:
                matchers: ['domain=~"upv|"']
            """);
        var ex = Assert.Throws<ConfigException>(() => YamlConfigLoader.Load<GatewayConfig>(file));
        Assert.Contains(ex.Errors, e => e.Field == "thanos.url" && e.Line == 2);
        Assert.Contains(ex.Errors, e => e.Field == "auth.jwks_file" && e.Line == 4);
        Assert.Contains(ex.Errors, e => e.Field.StartsWith("tenants.upv.matchers", StringComparison.Ordinal) && e.Message.Contains("without the label", StringComparison.Ordinal));
        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_metrics_count_requests_by_route_tenant_and_code()
    {
        await using var gateway = await GatewayHost.StartAsync(Config($"http://127.0.0.1:{FreePort.Tcp()}"), "127.0.0.1:0", CancellationToken.None);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        Assert.Equal(502, await StatusAsync(client, _keys.Token("upv")));
        Assert.Equal(401, await StatusAsync(client, null));
        var text = await client.GetStringAsync("/metrics");
        Assert.Contains("safe6g_gateway_requests_total{", text, StringComparison.Ordinal);
        Assert.Matches("safe6g_gateway_requests_total\\{[^}]*tenant=\"upv\"", text);
        Assert.Matches("safe6g_gateway_rejected_queries_total\\{[^}]*reason=\"unauthenticated\"", text);
        Assert.Contains("safe6g_gateway_upstream_duration_seconds_bucket", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _keys.Dispose();
        _dir.Dispose();
    }

    private GatewayConfig Config(string thanosUrl)
    {
        var config = new GatewayConfig
        {
            Thanos = new UpstreamConfig { Url = thanosUrl, Timeout = TimeSpan.FromSeconds(5) },
            Auth = new AuthConfig { JwksFile = _dir.Write("jwks.json", _keys.DefaultJwks()), Issuer = Keys.Issuer, Audiences = [Keys.Audience] },
        };
        config.Tenants["upv"] = new TenantConfig { Matchers = ["domain=\"upv\""] };
        return config;
    }

    private static async Task<int> StatusAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/thanos/api/v1/query?query=up");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
