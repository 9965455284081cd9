using Safe6G.Testing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Orion;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class AuthTests
{
    private const string Domains = "ngsi-ld/v1/entities?type=Domain";
    private const string TokenUrl = "realms/aerios/protocol/openid-connect/token";

    private static Task<OrionFixture> StartAsync(ManualClock clock) => OrionFixture.StartAsync(new OrionSimulatorOptions
    {
        Clock = clock,
        Auth = new AuthSettings
        {
            StaticTokens = ["static-token"],
            Clients = new Dictionary<string, string> { ["exporter"] = "s3cret" },
            TokenLifetime = TimeSpan.FromSeconds(60),
        },
    });

    [Fact]
    public async Task Without_or_with_a_wrong_token_the_gateway_says_401()
    {
        await using var orion = await StartAsync(new ManualClock(ManualClock.DefaultStart));
        using (var none = await orion.Client.GetAsync(Domains)) Assert.Equal(401, (int)none.StatusCode);
        var (wrong, _) = await orion.GetJsonAsync(Domains, h => h.Authorization = new AuthenticationHeaderValue("Bearer", "nope"));
        Assert.Equal(401, (int)wrong.StatusCode);
        var (ok, body) = await orion.GetJsonAsync(Domains, h => h.Authorization = new AuthenticationHeaderValue("Bearer", "static-token"));
        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal(1, body.GetArrayLength());
        using (var admin = await orion.Client.GetAsync("_sim/faults")) Assert.Equal(200, (int)admin.StatusCode);
    }

    [Fact]
    public async Task Client_credentials_give_a_token_that_expires()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        await using var orion = await StartAsync(clock);
        var response = await orion.Client.PostAsync(TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "exporter", ["client_secret"] = "s3cret",
        }));
        Assert.Equal(200, (int)response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(60, token.GetProperty("expires_in").GetInt32());
        var access = token.GetProperty("access_token").GetString()!;

        var (ok, _) = await orion.GetJsonAsync(Domains, h => h.Authorization = new AuthenticationHeaderValue("Bearer", access));
        Assert.Equal(200, (int)ok.StatusCode);
        clock.Advance(TimeSpan.FromSeconds(61));
        var (expired, _) = await orion.GetJsonAsync(Domains, h => h.Authorization = new AuthenticationHeaderValue("Bearer", access));
        Assert.Equal(401, (int)expired.StatusCode);
    }

    [Fact]
    public async Task Bad_client_credentials_and_grants_get_oauth2_errors()
    {
        await using var orion = await StartAsync(new ManualClock(ManualClock.DefaultStart));
        var bad = await orion.Client.PostAsync(TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "exporter", ["client_secret"] = "wrong",
        }));
        Assert.Equal(401, (int)bad.StatusCode);
        Assert.Equal("unauthorized_client", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var grant = await orion.Client.PostAsync(TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));
        Assert.Equal(400, (int)grant.StatusCode);
        Assert.Equal("unsupported_grant_type", (await grant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var basic = new HttpRequestMessage(HttpMethod.Post, TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("exporter:s3cret"u8.ToArray()));
        Assert.Equal(200, (int)(await orion.Client.SendAsync(basic)).StatusCode);
    }

    [Fact]
    public async Task The_callers_token_is_forwarded_to_federated_peers()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        await using var peer = await OrionFixture.StartAsync(new OrionSimulatorOptions
        {
            Domain = "beta", Clock = clock, Auth = new AuthSettings { StaticTokens = ["shared"] },
        });
        await using var entry = await OrionFixture.StartAsync(new OrionSimulatorOptions
        {
            Domain = "alpha", Clock = clock, Auth = new AuthSettings { StaticTokens = ["shared"] }, Peers = [peer.Sim.BaseAddress],
        });
        var (response, body) = await entry.GetJsonAsync("ngsi-ld/v1/entities?type=Domain&count=true",
            h => h.Authorization = new AuthenticationHeaderValue("Bearer", "shared"));
        Assert.Equal(2, Ngsi.ResultsCount(response));
        Assert.Equal(2, body.GetArrayLength());
    }
}
