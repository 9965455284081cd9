using System.Globalization;
using System.Text.Json;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>
/// Against the real Prometheus holding upv's and ncsrd's series (ncsrd's gnb_ue_connected is 100 and its counter grows
/// 30/s, upv's are 5/7 and 2/s; orphan_metric has no domain label): an upv token never sees ncsrd data or the orphan,
/// whatever the query, route, or method.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TenancyTests(GatewayFixture f)
{
    private string Upv => f.Keys.Token("upv");

    private string Time => f.Prometheus.DataEnd.ToString(CultureInfo.InvariantCulture);

    public static TheoryData<string> TrickyQueries() =>
    [
        "gnb_ue_connected",
        "gnb_ue_connected{domain=\"ncsrd\"}",
        "gnb_ue_connected{domain=~\".+\"}",
        "gnb_ue_connected{domain=~\"upv|ncsrd\"}",
        "gnb_ue_connected{domain!=\"upv\"}",
        "{__name__=~\".+\"}",
        "{__name__=~\"gnb.*\",domain=\"ncsrd\"}",
        "{__name__!=\"\"}",
        "{__name__=~\"orphan.*\"}",
        "orphan_metric",
        "gnb_ue_connected or orphan_metric",
        "gnb_ue_connected or on() vector(100)",
        "vector(1) unless on() gnb_ue_connected{domain=\"ncsrd\"}",
        "gnb_ue_connected unless gnb_ue_connected{cell=\"c1\"}",
        "sum(gnb_ue_connected)",
        "sum by (domain) (gnb_ue_connected)",
        "max(gnb_ue_connected) by (domain)",
        "count({__name__=~\".+\"})",
        "label_replace(gnb_ue_connected, \"domain\", \"upv\", \"domain\", \".*\")",
        "label_replace({__name__=~\".+\"}, \"x\", \"$1\", \"domain\", \"(.*)\")",
        "max_over_time(gnb_ue_connected[10m:1m])",
        "max_over_time({__name__=\"gnb_ue_connected\"}[30m])",
        "sum(rate(http_requests_total[5m]))",
        "rate(http_requests_total{domain=\"ncsrd\"}[5m])",
        "absent(gnb_ue_connected{domain=\"ncsrd\"})",
        "absent_over_time(gnb_ue_connected{domain=\"ncsrd\"}[5m])",
        "gnb_ue_connected offset 5m",
        "gnb_ue_connected @ end()",
        "topk(10, {__name__=~\".+\"})",
        "gnb_ue_connected * on(cell) group_left(domain) gnb_ue_connected{domain=\"ncsrd\"}",
        "(gnb_ue_connected > bool 50) or gnb_ue_connected",
        "sum_over_time(sum(gnb_ue_connected)[30m:5m])",
        "# a comment\ngnb_ue_connected",
    ];

    [Theory]
    [MemberData(nameof(TrickyQueries))]
    public async Task Instant_queries_only_see_the_tenants_series(string query)
    {
        var (status, json) = await f.GetAsync($"/thanos/api/v1/query?query={GatewayFixture.Q(query)}&time={Time}", Upv);
        Assert.True(status == 200, $"{status} {json}");
        AssertOnlyUpv(json.GetProperty("data"), query);
    }

    [Theory]
    [MemberData(nameof(TrickyQueries))]
    public async Task Range_queries_over_post_form_only_see_the_tenants_series(string query)
    {
        var end = f.Prometheus.DataEnd;
        var (status, json) = await f.PostAsync("/thanos/api/v1/query_range", Upv,
            ("query", query), ("start", (end - 1800).ToString(CultureInfo.InvariantCulture)), ("end", Time), ("step", "60"));
        Assert.True(status == 200, $"{status} {json}");
        AssertOnlyUpv(json.GetProperty("data"), query);
    }

    [Fact]
    public async Task Aggregates_count_only_the_tenants_samples()
    {
        Assert.Equal(12, await ScalarAsync("sum(gnb_ue_connected)"));
        Assert.Equal(2, await ScalarAsync("count(gnb_ue_connected)"));
        Assert.Equal(2.0, await ScalarAsync("sum(rate(http_requests_total[5m]))"), 3);
        // The unrestricted operator tenant sees both domains: proves the data is there to be hidden.
        Assert.Equal(112, await ScalarAsync("sum(gnb_ue_connected)", f.Keys.Token("ops")));
        Assert.Equal(100, await ScalarAsync("sum(gnb_ue_connected)", f.Keys.Token("ncsrd")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&match[]={__name__=~\".%2B\"}")]
    [InlineData("&match[]={domain=\"ncsrd\"}")]
    [InlineData("&match[]={domain=~\".%2B\"}&match[]=orphan_metric")]
    [InlineData("&match[]=gnb_ue_connected")]
    public async Task Series_labels_and_label_values_get_match_enforced(string match)
    {
        var range = $"start={f.Prometheus.DataEnd - 7200}&end={Time}";
        foreach (var method in new[] { "GET", "POST" })
        {
            var series = await CallAsync(method, $"/thanos/api/v1/series?{range}{match}");
            Assert.True(series.Status == 200, series.Json.ToString());
            foreach (var s in series.Json.GetProperty("data").EnumerateArray())
            {
                Assert.Equal("upv", s.GetProperty("domain").GetString());
            }

            var values = await CallAsync(method, $"/thanos/api/v1/label/domain/values?{range}{match}");
            Assert.True(values.Status == 200, values.Json.ToString());
            Assert.DoesNotContain("ncsrd", values.Json.GetProperty("data").EnumerateArray().Select(v => v.GetString()));

            var names = await CallAsync(method, $"/thanos/api/v1/label/__name__/values?{range}{match}");
            Assert.DoesNotContain("orphan_metric", names.Json.GetProperty("data").EnumerateArray().Select(v => v.GetString()));

            var labels = await CallAsync(method, $"/thanos/api/v1/labels?{range}{match}");
            Assert.True(labels.Status == 200, labels.Json.ToString());
        }

        // Without match[], label values are the tenant's own: exactly upv.
        var own = await f.GetAsync($"/thanos/api/v1/label/domain/values?{range}", Upv);
        Assert.Equal(["upv"], own.Json.GetProperty("data").EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public async Task Parse_errors_are_400_bad_data_with_the_position()
    {
        var (status, json) = await f.GetAsync($"/thanos/api/v1/query?query={GatewayFixture.Q("sum(rate(x[5m])")}", Upv);
        Assert.Equal(400, status);
        Assert.Equal("bad_data", json.GetProperty("errorType").GetString());
        Assert.StartsWith("1:", json.GetProperty("error").GetString(), StringComparison.Ordinal);

        var bad = await f.GetAsync($"/thanos/api/v1/series?match[]={GatewayFixture.Q("rate(x[5m])")}", Upv);
        Assert.Equal(400, bad.Status);
    }

    [Fact]
    public async Task A_query_parameter_given_twice_is_refused_rather_than_guessing_which_one_upstream_reads()
    {
        var (status, json) = await f.PostAsync("/thanos/api/v1/query?query=gnb_ue_connected", Upv, ("query", "{__name__=~\".+\"}"));
        Assert.Equal(400, status);
        Assert.Contains("query", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_names_in_the_path_cannot_escape_the_route()
    {
        var (status, _) = await f.GetAsync("/thanos/api/v1/label/domain%2F..%2F..%2Fseries/values", Upv);
        Assert.Equal(400, status);
    }

    private async Task<(int Status, JsonElement Json)> CallAsync(string method, string pathAndQuery)
    {
        if (method == "GET")
        {
            return await f.GetAsync(pathAndQuery, Upv);
        }

        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var form = pathAndQuery[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (p[0], Uri.UnescapeDataString(p[1]))).ToArray();
        return await f.PostAsync(pathAndQuery[..q], Upv, form);
    }

    private async Task<double> ScalarAsync(string query, string? token = null)
    {
        var (status, json) = await f.GetAsync($"/thanos/api/v1/query?query={GatewayFixture.Q(query)}&time={Time}", token ?? Upv);
        Assert.True(status == 200, json.ToString());
        var result = json.GetProperty("data").GetProperty("result");
        Assert.Equal(1, result.GetArrayLength());
        return double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    // No series may carry another domain, and no value may be one only ncsrd's data can produce (100, or a rate ≥ 30).
    private static void AssertOnlyUpv(JsonElement data, string query)
    {
        var type = data.GetProperty("resultType").GetString();
        if (type is "scalar" or "string")
        {
            return;
        }

        foreach (var s in data.GetProperty("result").EnumerateArray())
        {
            var metric = s.GetProperty("metric");
            if (metric.TryGetProperty("domain", out var d))
            {
                Assert.True(d.GetString() == "upv", $"{query}: series of domain {d} leaked: {metric}");
            }

            if (metric.TryGetProperty("__name__", out var n))
            {
                Assert.True(n.GetString() != "orphan_metric", $"{query}: orphan_metric (no domain) leaked");
            }

            var values = type == "matrix" ? s.GetProperty("values").EnumerateArray().Select(v => v[1]) : [s.GetProperty("value")[1]];
            foreach (var v in values)
            {
                var x = double.Parse(v.GetString()!, CultureInfo.InvariantCulture);
                Assert.True(x is not (100 or 105 or 107 or 112 or 200 or 300) && !(x >= 30 && x < 40), $"{query}: value {x} can only come from ncsrd's data ({metric})");
            }
        }
    }
}
