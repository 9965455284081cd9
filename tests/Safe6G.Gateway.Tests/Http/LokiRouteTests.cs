using System.Text.Json;
using Safe6G.Simulators.Common;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>/loki routes against the Loki simulator: X-Scope-OrgID comes from the token, log matchers are enforced.</summary>
[Collection(GatewayCollection.Name)]
public sealed class LokiRouteTests(GatewayFixture f)
{
    [Theory]
    [InlineData("{app=\"gnb-exporter\"}")]
    [InlineData("{domain=\"ncsrd\"}")]
    [InlineData("{domain=~\".+\"} |= \"scrape\"")]
    [InlineData("{level=~\"error|warn\", domain!=\"upv\"}")]
    public async Task Upv_reads_only_its_own_streams(string query)
    {
        var (status, json) = await f.GetAsync($"/loki/loki/api/v1/query_range?query={GatewayFixture.Q(query)}&limit=1000", f.Keys.Token("upv"));
        Assert.True(status == 200, json.ToString());
        foreach (var stream in json.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            Assert.Equal("upv", stream.GetProperty("stream").GetProperty("domain").GetString());
        }
    }

    [Fact]
    public async Task The_org_id_is_the_tokens_tenant_whatever_header_the_client_sends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/loki/loki/api/v1/query_range?query={GatewayFixture.Q("{app=\"orchestrator\"}")}&limit=1000");
        request.Headers.Authorization = new("Bearer", f.Keys.Token("ncsrd"));
        request.Headers.Add("X-Scope-OrgID", "upv");
        using var response = await f.Client.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var streams = doc.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().ToList();
        Assert.NotEmpty(streams);
        Assert.All(streams, s => Assert.Equal("ncsrd", s.GetProperty("stream").GetProperty("domain").GetString()));
        Assert.Contains("ncsrd", f.LokiApi.SeenOrgIds);
    }

    [Fact]
    public async Task Labels_label_values_and_series_are_enforced()
    {
        var upv = f.Keys.Token("upv");
        var values = await f.GetAsync("/loki/loki/api/v1/label/domain/values", upv);
        Assert.Equal(["upv"], values.Json.GetProperty("data").EnumerateArray().Select(v => v.GetString()!).ToArray());

        var labels = await f.GetAsync("/loki/loki/api/v1/labels", upv);
        Assert.Contains("app", labels.Json.GetProperty("data").EnumerateArray().Select(v => v.GetString()));

        var series = await f.GetAsync($"/loki/loki/api/v1/series?match[]={GatewayFixture.Q("{domain=\"ncsrd\"}")}&match={GatewayFixture.Q("{app=~\".+\"}")}", upv);
        Assert.True(series.Status == 200, series.Json.ToString());
        Assert.NotEmpty(series.Json.GetProperty("data").EnumerateArray());
        Assert.All(series.Json.GetProperty("data").EnumerateArray(), s => Assert.Equal("upv", s.GetProperty("domain").GetString()));

        var post = await f.PostAsync("/loki/loki/api/v1/query_range", upv, ("query", "{app=\"gnb-exporter\"} |= \"seq=3\""), ("limit", "50"));
        Assert.Equal(200, post.Status);
        Assert.All(post.Json.GetProperty("data").GetProperty("result").EnumerateArray(), s => Assert.Equal("upv", s.GetProperty("stream").GetProperty("domain").GetString()));
    }

    [Fact]
    public async Task Loki_plain_text_errors_become_json_errors()
    {
        // Valid for the gateway's selector scan, refused by the simulator's (Loki-like) parser.
        var (status, json) = await f.GetAsync($"/loki/loki/api/v1/query_range?query={GatewayFixture.Q("{app=\"x\"} | json")}", f.Keys.Token("ncsrd"));
        Assert.Equal(400, status);
        Assert.Equal("bad_data", json.GetProperty("errorType").GetString());

        var malformed = await f.GetAsync($"/loki/loki/api/v1/query?query={GatewayFixture.Q("{app=\"x\"")}", f.Keys.Token("upv"));
        Assert.Equal(400, malformed.Status);
        Assert.Contains("1:", malformed.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_loki_gives_504_within_the_deadline_and_a_failing_one_502()
    {
        var upv = f.Keys.Token("upv");
        f.Loki.Faults.Set(new FaultSettings { LatencyMs = 10_000 });
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var (status, json) = await f.GetAsync("/loki/loki/api/v1/labels", upv);
            Assert.Equal(504, status);
            Assert.Equal("timeout", json.GetProperty("errorType").GetString());
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"answered after {watch.Elapsed}, the Loki timeout is 2s");

            f.Loki.Faults.Set(new FaultSettings { Down = true });
            (status, json) = await f.GetAsync("/loki/loki/api/v1/labels", upv);
            Assert.Equal(502, status);
            Assert.Equal("unavailable", json.GetProperty("errorType").GetString());

            f.Loki.Faults.Set(new FaultSettings { ErrorRate = 1, ErrorStatus = 503 });
            (status, _) = await f.GetAsync("/loki/loki/api/v1/labels", upv);
            Assert.True(status is 502 or 503, $"status {status}");
        }
        finally
        {
            f.Loki.Faults.Set(FaultSettings.None);
        }

        Assert.Equal(200, (await f.GetAsync("/loki/loki/api/v1/labels", upv)).Status);
    }
}
