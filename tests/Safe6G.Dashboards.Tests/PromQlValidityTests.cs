using System.Text;
using Safe6G.Dashboards.Model;
using Safe6G.Testing;

namespace Safe6G.Dashboards.Tests;

/// <summary>Every panel query and every variable's selector parse and evaluate in a real Prometheus and in promtool.</summary>
public sealed class PromQlValidityTests
{
    [Fact]
    public async Task Every_expression_is_accepted_by_prometheus_query_api()
    {
        await using var prometheus = await PrometheusServer.StartAsync("- job_name: self\n  static_configs: [{targets: ['127.0.0.1:1']}]");
        var failures = new List<string>();
        var count = 0;
        foreach (var q in PanelQueries.All())
        {
            count++;
            try { await prometheus.QueryAsync(PanelQueries.Substitute(q.Expr)); }
            catch (InvalidOperationException e) { failures.Add($"{q}\n    {e.Message}"); }
        }
        foreach (var (d, v) in QueryVariables())
        {
            count++;
            var selector = PanelQueries.Substitute(PanelQueries.LabelValuesSelector(v));
            try { await prometheus.QueryAsync(selector); }
            catch (InvalidOperationException e) { failures.Add($"{d} variable {v.Name}: {selector}\n    {e.Message}"); }
        }
        Assert.True(count > 100, $"only {count} expressions found");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_broken_expression_is_rejected_so_the_check_above_can_fail()
    {
        await using var prometheus = await PrometheusServer.StartAsync("- job_name: self\n  static_configs: [{targets: ['127.0.0.1:1']}]");
        await Assert.ThrowsAsync<InvalidOperationException>(() => prometheus.QueryAsync("sum(rate(datafabric_up[1m])"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => prometheus.QueryAsync("rate(datafabric_up)"));
    }

    [Fact]
    public async Task Promtool_checks_a_rule_file_of_every_expression()
    {
        using var dir = new TempDir("dash-rules");
        var rules = new StringBuilder("groups:\n  - name: safe6g_dashboards\n    rules:\n");
        var i = 0;
        foreach (var q in PanelQueries.All())
        {
            rules.Append("      - record: safe6g_dashboard:query_").Append(i++).Append('\n');
            rules.Append("        expr: '").Append(PanelQueries.Substitute(q.Expr).Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }
        var file = dir.Write("dashboards.rules.yml", rules.ToString());
        var result = await Promtool.CheckRulesAsync(file);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"SUCCESS: {i} rules found", result.Output, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Dashboard, TemplateVariable Variable)> QueryVariables() =>
        from d in DashboardCatalog.All()
        from v in d.Templating.List
        where v.Type == "query"
        select (d.Uid, v);
}
