using System.Text.Json;
using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>
/// Our parser against the real Prometheus 2.42: same verdict on every corpus query, every printed and every
/// tenant-rewritten query accepted, and a tenant never reads the other tenant's series.
/// </summary>
public sealed class PrometheusCrossCheckTests(PrometheusFixture prom) : IClassFixture<PrometheusFixture>
{
    private static readonly LabelEnforcer Upv = new([new LabelMatcher("domain", MatchOp.Equal, "upv")]);

    [Fact]
    public async Task PrometheusAcceptsExactlyWhatWeAccept()
    {
        var mismatches = await MapAsync(Corpus.All, async e =>
        {
            var ours = Parser.TryParse(e.Query, out _, out var err);
            var (theirs, _, theirError) = await prom.QueryAsync(e.Query);
            return ours == theirs ? null : $"{e}: ours={(ours ? "ok" : err!.Message)} prometheus={(theirs ? "ok" : theirError)}";
        });
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public async Task PrintedAndRewrittenQueriesAreAccepted()
    {
        var mismatches = await MapAsync(Corpus.ValidOnes, async e =>
        {
            var printed = Printer.Print(Parser.Parse(e.Query));
            var rewritten = Upv.EnforceQuery(e.Query);
            var (p, _, pe) = await prom.QueryAsync(printed);
            var (r, _, re) = await prom.QueryAsync(rewritten);
            return p && r ? null : $"{e}: printed [{printed}] {pe} rewritten [{rewritten}] {re}";
        });
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Theory]
    [InlineData("gnb_ue_connected{domain=~\".*\"}", "gnb_ue_connected{domain=\"upv\"}")]
    [InlineData("gnb_ue_connected{domain=\"ncsrd\"}", "")]
    [InlineData("{__name__=~\"gnb_.*\"}", "{__name__=~\"gnb_.*\",domain=\"upv\"}")]
    [InlineData("{__name__=~\".+\", domain!=\"upv\"}", "")]
    [InlineData("gnb_ue_connected{domain=\"upv\"} or gnb_ue_connected{domain=\"ncsrd\"}", "gnb_ue_connected{domain=\"upv\"}")]
    [InlineData("gnb_ue_connected unless gnb_ue_connected{domain=\"upv\"}", "")]
    [InlineData("max_over_time(gnb_ue_connected{domain=\"ncsrd\"}[10m:1m])", "")]
    [InlineData("max_over_time(sum(gnb_ue_connected)[10m:1m])", "max_over_time(sum(gnb_ue_connected{domain=\"upv\"})[10m:1m])")]
    [InlineData("sum(gnb_ue_connected)", "sum(gnb_ue_connected{domain=\"upv\"})")]
    [InlineData("sum(rate(http_requests_total[5m]))", "sum(rate(http_requests_total{domain=\"upv\"}[5m]))")]
    [InlineData("label_replace(gnb_ue_connected{domain=\"ncsrd\"}, \"domain\", \"upv\", \"\", \"\")", "")]
    [InlineData("label_replace(gnb_ue_connected, \"domain\", \"upv\", \"\", \"\")", "gnb_ue_connected{domain=\"upv\"}")]
    [InlineData("count by (domain) ({domain!=\"\"})", "count by (domain) ({domain=\"upv\"})")]
    [InlineData("orphan_metric", "")]
    [InlineData("topk(1, gnb_ue_connected{domain=~\"nc.*\"})", "")]
    [InlineData("absent(gnb_ue_connected{domain=\"ncsrd\"})", "absent(gnb_ue_connected{domain=\"nowhere\",domain=\"upv\"})")]
    [InlineData("gnb_ue_connected @ end() offset 1m", "gnb_ue_connected{domain=\"upv\"} @ end() offset 1m")]
    [InlineData("gnb_ue_connected * on() group_left vector(1)", "gnb_ue_connected{domain=\"upv\"} * on() group_left vector(1)")]
    public async Task TenantNeverReadsAnotherTenantsSeries(string attack, string reference)
    {
        var rewritten = Upv.EnforceQuery(attack);
        var (ok, data, error) = await prom.QueryAsync(rewritten);
        Assert.True(ok, error);
        Assert.DoesNotContain("ncsrd", data.GetRawText(), StringComparison.Ordinal);

        var expected = reference.Length == 0 ? "[]" : Result(await prom.QueryAsync(reference));
        Assert.Equal(expected, Result((ok, data, error)));

        // The attack really would have leaked without enforcement (so this test can fail).
        var unrestricted = await prom.QueryAsync(attack);
        if (attack.Contains("ncsrd", StringComparison.Ordinal) || attack.Contains("orphan", StringComparison.Ordinal) || attack.Contains("!=", StringComparison.Ordinal) || attack.Contains("nc.*", StringComparison.Ordinal))
        {
            Assert.NotEqual(expected, Result(unrestricted));
        }
    }

    [Fact]
    public async Task SeriesAndLabelValuesOnlyShowTheTenant()
    {
        var unrestricted = await prom.GetDataAsync("api/v1/label/domain/values");
        Assert.Contains("ncsrd", unrestricted.GetRawText(), StringComparison.Ordinal);

        var match = Upv.EnforceMatchSelectors(null);
        var values = await prom.GetDataAsync("api/v1/label/domain/values?" + MatchQuery(match));
        Assert.Equal("[\"upv\"]", values.GetRawText());

        var series = await prom.GetDataAsync("api/v1/series?" + MatchQuery(Upv.EnforceMatchSelectors(["{domain=\"ncsrd\"}", "gnb_ue_connected", "{__name__=~\".+\"}"])));
        Assert.Equal(3, series.GetArrayLength()); // gnb_ue_connected c1, c2 and http_requests_total of upv
        Assert.DoesNotContain("ncsrd", series.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("orphan", series.GetRawText(), StringComparison.Ordinal);
    }

    private static string MatchQuery(IEnumerable<string> selectors) =>
        string.Join('&', selectors.Select(s => "match[]=" + Uri.EscapeDataString(s)));

    // The result rows, sorted, without the evaluation timestamp noise.
    private static string Result((bool Accepted, JsonElement Data, string Error) r)
    {
        Assert.True(r.Accepted, r.Error);
        var result = r.Data.GetProperty("result");
        if (result.ValueKind != JsonValueKind.Array)
        {
            return result.GetRawText();
        }

        return "[" + string.Join(",", result.EnumerateArray().Select(x => x.GetRawText()).Order(StringComparer.Ordinal)) + "]";
    }

    private static async Task<List<string>> MapAsync<T>(IEnumerable<T> items, Func<T, Task<string?>> check)
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            if (await check(item) is { } problem)
            {
                results.Add(problem);
            }
        });
        return [.. results.Order(StringComparer.Ordinal)];
    }
}
