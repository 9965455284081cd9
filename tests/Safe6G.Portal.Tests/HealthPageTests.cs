using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Portal.Config;
using Safe6G.Portal.Hosting;
using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary>
/// The health page on what a generated domain config really produces: one gNB probed by two module jobs, so two
/// gnb_up series share exporter and instance and differ only by job (the demo's health page answered 500 on it).
/// </summary>
public sealed class HealthPageTests
{
    private const string Gnb = "10.0.0.5:161";

    [Fact]
    public async Task A_gnb_probed_by_two_module_jobs_gives_two_rows_each_with_its_own_duration_and_errors()
    {
        await using var prometheus = await CannedPrometheusAsync(query => query switch
        {
            "up" => Vector(($"job=\"gnb-probe-system\",instance=\"{Gnb}\"", 1), ($"job=\"gnb-probe-baicells_qrtb\",instance=\"{Gnb}\"", 1)),
            _ when query.Contains("_up\"}", StringComparison.Ordinal) => Vector(
                ($"__name__=\"gnb_up\",job=\"gnb-probe-system\",instance=\"{Gnb}\"", 1),
                ($"__name__=\"gnb_up\",job=\"gnb-probe-baicells_qrtb\",instance=\"{Gnb}\"", 0)),
            _ when query.Contains("_scrape_duration_seconds\"}", StringComparison.Ordinal) => Vector(
                ($"__name__=\"gnb_scrape_duration_seconds\",job=\"gnb-probe-system\",instance=\"{Gnb}\"", 0.012),
                ($"__name__=\"gnb_scrape_duration_seconds\",job=\"gnb-probe-baicells_qrtb\",instance=\"{Gnb}\"", 4.5)),
            "increase(gnb_upstream_errors_total[1h]) > 0" => Vector(($"job=\"gnb-probe-baicells_qrtb\",instance=\"{Gnb}\",reason=\"snmp_timeout\"", 3)),
            _ => Vector(),
        });
        await using var portal = await PortalHost.StartAsync(new PortalConfig
        {
            Prometheus = new PrometheusSource { Url = prometheus.BaseAddress.ToString().TrimEnd('/') },
            OrchestratorUrl = $"http://127.0.0.1:{FreePort.Tcp()}",
            Timeout = TimeSpan.FromSeconds(5),
        }, "127.0.0.1:0", CancellationToken.None);
        using var web = new Web(portal.BaseAddress);

        var page = await web.PageAsync("/health");
        var rows = page.QuerySelectorAll("tr.source").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        var system = Assert.Single(rows, r => r[3] == "gnb-probe-system");
        var baicells = Assert.Single(rows, r => r[3] == "gnb-probe-baicells_qrtb");
        Assert.Equal(["gnb", "", Gnb, "gnb-probe-system", "up", "12 ms", "none"], system);
        Assert.Equal(["gnb", "", Gnb, "gnb-probe-baicells_qrtb", "down", "4500 ms", "snmp_timeout ×3"], baicells);
    }

    private static string Vector(params (string Labels, double Value)[] series) =>
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + string.Join(",", series.Select(s =>
        {
            var labels = System.Text.RegularExpressions.Regex.Matches(s.Labels, "(\\w+)=\"([^\"]*)\"")
                .Select(m => $"\"{m.Groups[1].Value}\":\"{m.Groups[2].Value}\"");
            return $"{{\"metric\":{{{string.Join(",", labels)}}},\"value\":[1796371200,\"{s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"]}}";
        }))
        + "]}}";

    // The Prometheus HTTP API's /api/v1/query, answering each query with a canned vector.
    private static Task<LoopbackServer> CannedPrometheusAsync(Func<string, string> answer) =>
        LoopbackServer.StartAsync(app => app.MapMethods("/api/v1/query", ["GET", "POST"], async (HttpContext c) =>
        {
            var query = c.Request.HasFormContentType ? (await c.Request.ReadFormAsync())["query"].ToString() : c.Request.Query["query"].ToString();
            return Results.Text(answer(query), "application/json");
        }));
}
