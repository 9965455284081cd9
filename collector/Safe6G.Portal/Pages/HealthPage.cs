using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Safe6G.Portal.Html;
using Safe6G.Portal.Upstreams;

namespace Safe6G.Portal.Pages;

/// <summary>DataOps health: scrape targets, each exporter source's up and scrape duration, recent upstream errors, and the dashboards.</summary>
internal static class HealthPage
{
    public static readonly string[] Prefixes = ["datafabric", "gnb", "cmc", "metaverse"];
    private static readonly string Any = string.Join('|', Prefixes);

    public static async Task<IResult> RenderAsync(HttpContext context, PortalServices s)
    {
        var ct = context.RequestAborted;
        var bearer = s.Bearer(context);
        Task<Fetched<IReadOnlyList<Series>>> Q(string promql) => s.Prometheus.QueryAsync(promql, bearer, ct);
        var targets = Q("up");
        var up = Q($"{{__name__=~\"({Any})_up\"}}");
        var duration = Q($"{{__name__=~\"({Any})_scrape_duration_seconds\"}}");
        var errors = Prefixes.Select(p => Q($"increase({p}_upstream_errors_total[1h]) > 0")).ToList();
        var orchestrator = s.Orchestrator.ListAsync(ct);
        await Task.WhenAll([targets, up, duration, orchestrator, .. errors]).ConfigureAwait(false);

        var body = new StringBuilder();
        body.Append(PortalServices.Flash(context));
        body.Append("<section aria-labelledby=\"h-upstreams\"><h2 id=\"h-upstreams\">Upstreams of the portal</h2><ul class=\"checks\">")
            .Append(Check("Prometheus API", targets.Result.Error))
            .Append(Check("Orchestrator", orchestrator.Result.Error))
            .Append("</ul></section>");

        body.Append("<section aria-labelledby=\"h-targets\"><h2 id=\"h-targets\">Scrape targets</h2>");
        if (targets.Result is { Ok: true, Value: var t })
        {
            body.Append(t!.Count == 0 ? "<p class=\"muted\">Prometheus has no targets.</p>" : "<table><thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Instance</th><th scope=\"col\">Up</th></tr></thead><tbody>");
            foreach (var x in t.OrderBy(x => x.Label("job"), StringComparer.Ordinal).ThenBy(x => x.Label("instance"), StringComparer.Ordinal))
                body.Append("<tr><td>").Append(H.E(x.Label("job"))).Append("</td><td>").Append(H.E(x.Label("instance"))).Append("</td><td>").Append(UpCell(x.Value)).Append("</td></tr>");
            if (t.Count > 0) body.Append("</tbody></table>");
        }
        else
            body.Append(H.Notice("error", "Scrape targets are unavailable: " + targets.Result.Error));
        body.Append("</section>");

        body.Append("<section aria-labelledby=\"h-exporters\"><h2 id=\"h-exporters\">Exporter sources</h2>");
        if (up.Result is { Ok: true, Value: var ups })
        {
            // A source is its whole label set: one gNB probed by several module jobs has the same instance in each.
            var durations = (duration.Result.Value ?? []).ToDictionary(x => Key(x, "_scrape_duration_seconds"), x => x.Value);
            // increase() drops __name__, so each series' exporter is the prefix its query was asked for.
            var errorsBy = errors.SelectMany((e, i) => (e.Result.Value ?? []).Select(x => (Prefix: Prefixes[i], Series: x)))
                .GroupBy(p => (p.Prefix, Identity(p.Series, "reason")), p => p.Series)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => $"{x.Label("reason")} ×{Math.Round(x.Value)}")));
            if (ups!.Count == 0)
                body.Append("<p class=\"muted\">No exporter reports an <code>_up</code> series yet.</p>");
            else
            {
                body.Append("<table><thead><tr><th scope=\"col\">Exporter</th><th scope=\"col\">Source</th><th scope=\"col\">Instance</th><th scope=\"col\">Job</th><th scope=\"col\">Up</th>")
                    .Append("<th scope=\"col\">Scrape duration</th><th scope=\"col\">Upstream errors, last hour</th></tr></thead><tbody>");
                foreach (var x in ups.OrderBy(x => x.Label("__name__"), StringComparer.Ordinal).ThenBy(x => x.Label("source"), StringComparer.Ordinal)
                    .ThenBy(x => x.Label("instance"), StringComparer.Ordinal).ThenBy(x => x.Label("job"), StringComparer.Ordinal))
                {
                    var key = Key(x, "_up");
                    var prefix = key.Item1;
                    body.Append("<tr class=\"source\"><td>").Append(H.E(prefix)).Append("</td><td>").Append(H.E(x.Label("source"))).Append("</td><td>")
                        .Append(H.E(x.Label("instance"))).Append("</td><td>").Append(H.E(x.Label("job"))).Append("</td><td>").Append(UpCell(x.Value)).Append("</td><td>")
                        .Append(durations.TryGetValue(key, out var d) ? H.Num(d * 1000, "0.#", " ms") : "–").Append("</td><td>")
                        .Append(H.E(errorsBy.GetValueOrDefault(key, "none"))).Append("</td></tr>");
                }
                body.Append("</tbody></table>");
            }
        }
        else
            body.Append(H.Notice("error", "Exporter health is unavailable: " + up.Result.Error));
        body.Append("</section>");

        body.Append("<section aria-labelledby=\"h-dashboards\"><h2 id=\"h-dashboards\">Dashboards</h2>").Append(Dashboards(s)).Append("</section>");
        return PortalServices.LiveHtml(context, "DataOps health", "/health", body.ToString());
    }

    private static (string, string) Key(Series x, string suffix)
    {
        var name = x.Label("__name__");
        return (name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name, Identity(x));
    }

    // The labels that tell one series of a family from another (all but the name and the given ones), in a fixed order.
    private static string Identity(Series x, params string[] without) => string.Join(",", x.Labels
        .Where(l => l.Key != "__name__" && !without.Contains(l.Key))
        .OrderBy(l => l.Key, StringComparer.Ordinal)
        .Select(l => $"{l.Key}={l.Value}"));

    private static string Check(string what, string? error) => error is null
        ? $"<li><span class=\"status status-ready\">reachable</span> {H.E(what)}</li>"
        : $"<li><span class=\"status status-down\">down</span> {H.E(what)}: {H.E(error)}</li>";

    private static string UpCell(double value) => value >= 1
        ? "<span class=\"status status-ready\">up</span>"
        : "<span class=\"status status-down\">down</span>";

    /// <summary>The generated dashboards (dashboards/grafana/*.json): Grafana links when Grafana is configured, the JSON otherwise.</summary>
    private static string Dashboards(PortalServices s)
    {
        var files = DashboardFiles.List(s.Config.DashboardsDir);
        if (files.Count == 0)
            return "<p class=\"muted\">No generated dashboards found" + (s.Config.DashboardsDir is null ? " (dashboards_dir is not set)." : $" in {H.E(s.Config.DashboardsDir)}.") + "</p>";
        var sb = new StringBuilder("<ul class=\"dashboards\">");
        foreach (var d in files)
        {
            var href = s.Config.GrafanaUrl is { } g && d.Uid is { } uid ? $"{g.TrimEnd('/')}/d/{Uri.EscapeDataString(uid)}" : $"/dashboards/{Uri.EscapeDataString(d.File)}";
            sb.Append("<li><a href=\"").Append(H.E(href)).Append("\">").Append(H.E(d.Title)).Append("</a> <span class=\"muted\">").Append(H.E(d.File)).Append("</span></li>");
        }
        return sb.Append("</ul>").ToString();
    }
}

/// <summary>Reads the titles and uids of dashboard JSON files; a file that is not a dashboard is listed by its name.</summary>
internal static class DashboardFiles
{
    /// <summary>One dashboard file: its name, the title shown and the uid Grafana links by.</summary>
    public sealed record Dashboard(string File, string Title, string? Uid);

    public static IReadOnlyList<Dashboard> List(string? dir)
    {
        if (dir is null || !Directory.Exists(dir)) return [];
        var list = new List<Dashboard>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                var root = doc.RootElement.TryGetProperty("dashboard", out var inner) ? inner : doc.RootElement;
                list.Add(new Dashboard(file, root.TryGetProperty("title", out var t) ? t.GetString() ?? file : file,
                    root.TryGetProperty("uid", out var u) ? u.GetString() : null));
            }
            catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException)
            {
                list.Add(new Dashboard(file, file, null));
            }
        }
        return list;
    }

    /// <summary>The full path of a listed dashboard, or null (no path tricks: only names the listing returns).</summary>
    public static string? Find(string? dir, string file) =>
        List(dir).Any(d => d.File == file) ? Path.Combine(dir!, file) : null;
}
