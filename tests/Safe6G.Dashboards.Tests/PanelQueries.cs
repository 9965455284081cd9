using System.Text.RegularExpressions;
using Safe6G.Dashboards;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Tests;

/// <summary>Every query of every dashboard, with template variables replaced the way Grafana would for "All".</summary>
internal static partial class PanelQueries
{
    public sealed record Item(string Dashboard, string Panel, string RefId, string Expr)
    {
        public override string ToString() => $"{Dashboard} / {Panel} / {RefId}: {Expr}";
    }

    /// <summary>All panel targets, as written in the model.</summary>
    public static IEnumerable<Item> All() =>
        from d in DashboardCatalog.All()
        from p in d.Panels
        where !p.IsRow
        from t in p.Targets!
        select new Item(d.Uid, p.Title, t.RefId, t.Expr);

    /// <summary>
    /// Grafana's interpolation for a range query: $__rate_interval and $__range become durations, every
    /// dashboard variable at "All" becomes its allValue ".*" (or the value given in <paramref name="values"/>).
    /// </summary>
    public static string Substitute(string expr, IReadOnlyDictionary<string, string>? values = null)
    {
        var text = expr.Replace("$__rate_interval", "1m", StringComparison.Ordinal)
            .Replace("$__range", "5m", StringComparison.Ordinal)
            .Replace("$__interval", "15s", StringComparison.Ordinal);
        return VariableRef().Replace(text, m => values?.GetValueOrDefault(m.Groups[1].Value) ?? ".*");
    }

    /// <summary>The selector inside label_values(selector, label) of a query variable.</summary>
    public static string LabelValuesSelector(TemplateVariable variable)
    {
        var m = LabelValues().Match(variable.Query);
        Assert.True(m.Success, $"variable {variable.Name}: '{variable.Query}' is not label_values(selector, label)");
        return m.Groups[1].Value;
    }

    [GeneratedRegex(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")]
    public static partial Regex VariableRef();

    [GeneratedRegex(@"^label_values\((.+), ([a-z_]+)\)$")]
    private static partial Regex LabelValues();
}
