using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Building;

/// <summary>The template variables our dashboards share: the Prometheus data source and label pickers.</summary>
public static class Variables
{
    /// <summary>Placeholder replaced by the data source chosen at file import (see <see cref="Output.DashboardFile"/>) or found by the API importer.</summary>
    public const string DataSourceInput = "${DS_PROMETHEUS}";

    /// <summary>The data source picker every panel and query variable follows.</summary>
    public static TemplateVariable DataSource() => new()
    {
        Type = "datasource",
        Name = "datasource",
        Label = "Data source",
        Query = "prometheus",
        Current = new VariableOption("Prometheus", DataSourceInput),
    };

    /// <summary>
    /// A multi-value label picker filled by <c>label_values(<paramref name="selector"/>, <paramref name="label"/>)</c>;
    /// "All" is ".*", which also matches series without the label.
    /// </summary>
    public static TemplateVariable Label(string name, string label, string selector, string? description = null) => new()
    {
        Type = "query",
        Name = name,
        Label = label,
        Description = description,
        Datasource = DataSourceRef.Variable,
        Query = $"label_values({selector}, {name})",
        Current = new VariableOption(new[] { "All" }, new[] { "$__all" }) { Selected = true },
        IncludeAll = true,
        Multi = true,
        AllValue = ".*",
        Refresh = 2,
        Sort = 1,
    };

    /// <summary>The <c>domain</c> picker (continuum domain: the IE's domain label or the scraping Prometheus's external label).</summary>
    public static TemplateVariable Domain(string selector) =>
        Label("domain", "Domain", selector, "Continuum domain; All also matches series of a Prometheus without the domain external label.");
}
