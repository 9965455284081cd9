using System.Text.Json.Nodes;
using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;
using Safe6G.Dashboards.Output;

namespace Safe6G.Dashboards.Grafana;

/// <summary>
/// Imports dashboards over the HTTP API: finds the Prometheus data source, makes sure the folder exists (once),
/// then saves each dashboard with overwrite, so running it again replaces them under the same uid.
/// </summary>
public sealed class DashboardImporter(GrafanaClient client)
{
    /// <summary>Imports <paramref name="dashboards"/> into folder <paramref name="folderTitle"/>; <paramref name="dataSource"/> is a name or uid, null picks Prometheus.</summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<Dashboard> dashboards, string folderTitle, string? dataSource, CancellationToken ct)
    {
        var ds = PickDataSource(await client.DataSourcesAsync(ct).ConfigureAwait(false), dataSource);
        var (folder, created) = await EnsureFolderAsync(folderTitle, ct).ConfigureAwait(false);
        var saved = new List<SavedDashboard>();
        foreach (var dashboard in dashboards)
            saved.Add(await client.SaveDashboardAsync(Bind(dashboard, ds), folder.Uid, overwrite: true, "safe6g dashboards import", ct).ConfigureAwait(false));
        return new ImportResult(folder, created, ds, saved);
    }

    /// <summary>The dashboard JSON with the file-import placeholder replaced by the data source found in Grafana.</summary>
    public static JsonObject Bind(Dashboard dashboard, GrafanaDataSource ds)
    {
        var text = DashboardJson.Write(DashboardJson.ToNode(dashboard)).Replace(Variables.DataSourceInput, ds.Uid, StringComparison.Ordinal);
        var node = JsonNode.Parse(text)!.AsObject();
        foreach (var variable in node["templating"]!["list"]!.AsArray())
        {
            if (variable!["type"]!.GetValue<string>() == "datasource")
                variable["current"] = new JsonObject { ["selected"] = true, ["text"] = ds.Name, ["value"] = ds.Uid };
        }
        return node;
    }

    /// <summary>Folder uid derived from the title, so a second import finds the same folder even where titles are not unique.</summary>
    public static string FolderUid(string title)
    {
        var slug = new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return slug.Length is > 0 and <= 40 ? slug : "safe6g";
    }

    private async Task<(GrafanaFolder Folder, bool Created)> EnsureFolderAsync(string title, CancellationToken ct)
    {
        var uid = FolderUid(title);
        var existing = (await client.FoldersAsync(ct).ConfigureAwait(false))
            .FirstOrDefault(f => f.Uid == uid || string.Equals(f.Title, title, StringComparison.Ordinal));
        if (existing is not null)
            return (existing, false);
        return (await client.CreateFolderAsync(uid, title, ct).ConfigureAwait(false), true);
    }

    private static GrafanaDataSource PickDataSource(IReadOnlyList<GrafanaDataSource> all, string? wanted)
    {
        var prometheus = all.Where(d => d.Type == "prometheus").ToList();
        if (wanted is not null)
        {
            return prometheus.FirstOrDefault(d => d.Name == wanted || d.Uid == wanted)
                ?? throw new GrafanaException($"no Prometheus data source named '{wanted}' in Grafana; there are: {Names(prometheus)}");
        }
        return prometheus.FirstOrDefault(d => d.IsDefault) ?? prometheus.FirstOrDefault()
            ?? throw new GrafanaException($"Grafana has no Prometheus data source (found: {Names(all)}); add one (e.g. with safe6g generate's provisioning) or pass --datasource");
    }

    private static string Names(IEnumerable<GrafanaDataSource> list)
    {
        var names = string.Join(", ", list.Select(d => $"'{d.Name}' ({d.Type})"));
        return names.Length == 0 ? "none" : names;
    }
}

/// <summary>Outcome of an import: the folder (and whether it was created now), the data source used, each saved dashboard.</summary>
public sealed record ImportResult(GrafanaFolder Folder, bool FolderCreated, GrafanaDataSource DataSource, IReadOnlyList<SavedDashboard> Dashboards);
