using System.Net.Http.Headers;
using System.Text.Json;
using Safe6G.Gateway.Config;
using Safe6G.Gateway.Hosting;
using Safe6G.Gateway.Tests.PromQl;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Loki;
using Safe6G.Testing;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>
/// A real Prometheus with two tenants' series (upv, ncsrd, plus a series without the domain label), the Loki
/// simulator with both tenants' logs, and the gateway in front of both with a local JWKS. Tenants: upv (metric and
/// log matchers), ncsrd (metric matchers, logs separated by org only), ops (unrestricted).
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new("safe6g-gateway");

    public PrometheusFixture Prometheus { get; } = new();

    public Keys Keys { get; } = new();

    public RunningSimulator Loki { get; private set; } = null!;

    public LokiApi LokiApi { get; private set; } = null!;

    public RunningGateway Gateway { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string JwksFile { get; private set; } = "";

    public GatewayConfig Config(string thanosUrl, string? lokiUrl)
    {
        var config = new GatewayConfig
        {
            Thanos = new UpstreamConfig { Url = thanosUrl, Timeout = TimeSpan.FromSeconds(10) },
            Loki = lokiUrl is null ? null : new UpstreamConfig { Url = lokiUrl, Timeout = TimeSpan.FromSeconds(2) },
            Auth = new AuthConfig { JwksFile = JwksFile, Issuer = Keys.Issuer, Audiences = [Keys.Audience], ClockSkew = TimeSpan.FromSeconds(5) },
        };
        config.Tenants["upv"] = new TenantConfig { Matchers = ["domain=\"upv\""], LogMatchers = ["domain=\"upv\""] };
        config.Tenants["ncsrd"] = new TenantConfig { Matchers = ["domain=\"ncsrd\""] };
        config.Tenants["ops"] = new TenantConfig { Unrestricted = true, LokiOrgId = "upv" };
        return config;
    }

    public async Task InitializeAsync()
    {
        JwksFile = _dir.Write("jwks.json", Keys.DefaultJwks());
        (Loki, LokiApi) = await LokiSimulator.StartWithApiAsync(new LokiSimulatorOptions { Scale = 10 });
        Gateway = await GatewayHost.StartAsync(Config(Prometheus.Http.BaseAddress!.ToString(), Loki.BaseAddress.ToString()), "127.0.0.1:0", CancellationToken.None);
        Client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        await Loki.DisposeAsync();
        Prometheus.Dispose();
        Keys.Dispose();
        _dir.Dispose();
    }

    /// <summary>GET with a bearer token; returns status and parsed JSON (or null for non-JSON).</summary>
    public async Task<(int Status, JsonElement Json)> GetAsync(string pathAndQuery, string? token, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync(request, client);
    }

    /// <summary>POST form with a bearer token.</summary>
    public async Task<(int Status, JsonElement Json)> PostAsync(string path, string? token, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync(request, null);
    }

    private async Task<(int Status, JsonElement Json)> SendAsync(HttpRequestMessage request, HttpClient? client)
    {
        using var response = await (client ?? Client).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            using var doc = JsonDocument.Parse(body);
            return ((int)response.StatusCode, doc.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"non-JSON answer {(int)response.StatusCode}: {body}");
        }
    }

    public static string Q(string s) => Uri.EscapeDataString(s);
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
