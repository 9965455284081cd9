using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Safe6G.Dashboards.Model;
using Safe6G.Dashboards.Output;

namespace Safe6G.Dashboards.Tests;

/// <summary>What Grafana needs to import a dashboard file and lay it out: ids, grid, variables, __inputs/__requires.</summary>
public sealed partial class DashboardStructureTests
{
    private static readonly string[] Builtins = ["__rate_interval", "__range", "__interval"];

    public static TheoryData<string> Uids() => [.. DashboardCatalog.All().Select(d => d.Uid)];

    private static Dashboard Get(string uid) => DashboardCatalog.All().Single(d => d.Uid == uid);

    [Fact]
    public void Seven_dashboards_with_unique_uids_and_titles()
    {
        var all = DashboardCatalog.All();
        Assert.Equal(7, all.Count);
        Assert.Equal(7, all.Select(d => d.Uid).Distinct().Count());
        Assert.Equal(7, all.Select(d => d.Title).Distinct().Count());
        Assert.All(all, d => Assert.InRange(d.Uid.Length, 1, 40));
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void Panel_ids_are_unique_and_the_grid_is_valid(string uid)
    {
        var d = Get(uid);
        Assert.Equal(d.Panels.Count, d.Panels.Select(p => p.Id).Distinct().Count());
        Assert.All(d.Panels, p => Assert.True(p.Id > 0));
        var cells = new HashSet<(int X, int Y)>();
        foreach (var p in d.Panels)
        {
            var g = p.GridPos;
            Assert.True(g.W is >= 1 and <= 24 && g.H >= 1 && g.X >= 0 && g.Y >= 0 && g.X + g.W <= 24, $"{uid} panel {p.Id} '{p.Title}': bad gridPos {g}");
            for (var x = g.X; x < g.X + g.W; x++)
            {
                for (var y = g.Y; y < g.Y + g.H; y++)
                    Assert.True(cells.Add((x, y)), $"{uid} panel {p.Id} '{p.Title}' overlaps another panel at ({x},{y})");
            }
        }
        // Reading order: panels are sorted by row, then column, as Grafana lays them out.
        Assert.Equal(d.Panels.OrderBy(p => p.GridPos.Y).ThenBy(p => p.GridPos.X).Select(p => p.Id), d.Panels.Select(p => p.Id));
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void Every_panel_queries_the_datasource_variable(string uid)
    {
        foreach (var p in Get(uid).Panels)
        {
            if (p.IsRow)
            {
                Assert.Null(p.Targets);
                continue;
            }
            Assert.Equal("${datasource}", p.Datasource?.Uid);
            Assert.NotEmpty(p.Targets!);
            Assert.Equal(p.Targets!.Count, p.Targets.Select(t => t.RefId).Distinct().Count());
            Assert.All(p.Targets, t => Assert.Equal("${datasource}", t.Datasource.Uid));
            Assert.All(p.Targets, t => Assert.False(string.IsNullOrWhiteSpace(t.Expr)));
        }
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void Has_datasource_and_domain_variables_and_uses_only_defined_ones_in_regex_matchers(string uid)
    {
        var d = Get(uid);
        var variables = d.Templating.List;
        Assert.Equal("datasource", variables[0].Name);
        Assert.Equal("datasource", variables[0].Type);
        Assert.Equal("prometheus", variables[0].Query);
        var domain = Assert.Single(variables, v => v.Name == "domain");
        Assert.Equal(".*", domain.AllValue);
        Assert.True(domain.IncludeAll);
        var names = variables.Select(v => v.Name).ToHashSet();
        var exprs = d.Panels.Where(p => !p.IsRow).SelectMany(p => p.Targets!).Select(t => t.Expr)
            .Concat(variables.Where(v => v.Type == "query").Select(v => v.Query));
        foreach (var expr in exprs)
        {
            foreach (Match m in PanelQueries.VariableRef().Matches(expr))
            {
                var name = m.Groups[1].Value;
                if (Builtins.Contains(name))
                    continue;
                Assert.True(names.Contains(name), $"{uid}: ${name} is not a variable of the dashboard ({expr})");
                // Multi-value variables interpolate to a regex alternation: only =~ matches it.
                Assert.Contains($"=~\"${name}\"", expr, StringComparison.Ordinal);
            }
        }
        // Every variable is used somewhere (datasource by the panels).
        foreach (var v in variables.Where(v => v.Type == "query"))
            Assert.True(exprs.Any(e => e.Contains($"\"${v.Name}\"", StringComparison.Ordinal)), $"{uid}: variable {v.Name} is never used");
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void File_form_has_inputs_requires_and_current_schema_version(string uid)
    {
        var d = Get(uid);
        var rendered = DashboardFile.Render(d);
        var file = JsonNode.Parse(rendered)!.AsObject();
        Assert.Equal(["__inputs", "__requires"], file.Select(kv => kv.Key).Take(2));
        var input = Assert.Single(file["__inputs"]!.AsArray());
        Assert.Equal("DS_PROMETHEUS", input!["name"]!.GetValue<string>());
        Assert.Equal("prometheus", input["pluginId"]!.GetValue<string>());
        var requires = file["__requires"]!.AsArray().Select(r => (r!["type"]!.GetValue<string>(), r["id"]!.GetValue<string>())).ToList();
        Assert.Contains(("grafana", "grafana"), requires);
        Assert.Contains(("datasource", "prometheus"), requires);
        foreach (var type in d.Panels.Where(p => !p.IsRow).Select(p => p.Type).Distinct())
            Assert.Contains(("panel", type), requires);
        Assert.Equal(42, file["schemaVersion"]!.GetValue<int>());
        Assert.Null(file["id"]);
        Assert.True(file.ContainsKey("id"));
        Assert.Equal(uid, file["uid"]!.GetValue<string>());
        // The only placeholder is the data source input, used by the datasource variable.
        var text = rendered;
        Assert.True(Regex.Count(text, Regex.Escape("${DS_PROMETHEUS}")) == 1, "${DS_PROMETHEUS} must appear exactly once");
        Assert.DoesNotContain("\\u0022", text, StringComparison.Ordinal);
    }
}
