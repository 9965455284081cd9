using System.Text;
using Microsoft.AspNetCore.Http;
using Safe6G.Portal.Html;
using Safe6G.Portal.Upstreams;

namespace Safe6G.Portal.Pages;

/// <summary>The landing page: domains → IEs with live status, CPU, RAM and power, plus the last hour per domain and UEs per cell.</summary>
internal static class ContinuumPage
{
    private const string P = "datafabric_infrastructure_element_";

    public static async Task<IResult> RenderAsync(HttpContext context, PortalServices s)
    {
        var ct = context.RequestAborted;
        var bearer = s.Bearer(context);
        Task<Fetched<IReadOnlyList<Series>>> Q(string promql) => s.Prometheus.QueryAsync(promql, bearer, ct);
        var info = Q(P + "info");
        var domains = Q("datafabric_domain_info");
        var status = Q(P + "status == 1");
        var cpu = Q(P + "cpu_usage_ratio");
        var ramUsed = Q(P + "ram_usage_ratio");
        var ramCap = Q(P + "ram_capacity_bytes");
        var power = Q(P + "power_watts");
        var ues = Q("gnb_cell_connected_ues");
        var cpuRange = s.Prometheus.QueryRangeAsync($"avg by (domain) ({P}cpu_usage_ratio)", TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), bearer, ct);
        var ramRange = s.Prometheus.QueryRangeAsync($"sum by (domain) ({P}ram_used_bytes) / sum by (domain) ({P}ram_capacity_bytes)",
            TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), bearer, ct);
        await Task.WhenAll(info, domains, status, cpu, ramUsed, ramCap, power, ues, cpuRange, ramRange).ConfigureAwait(false);

        var body = new StringBuilder();
        if (!info.Result.Ok)
        {
            body.Append(H.Notice("error", "Live continuum data is unavailable: " + info.Result.Error));
            return PortalServices.LiveHtml(context, "Continuum", "/", body.ToString());
        }

        static Dictionary<(string, string), double> ByIe(Fetched<IReadOnlyList<Series>> f) =>
            (f.Value ?? []).GroupBy(x => (x.Label("domain"), x.Label("ie"))).ToDictionary(g => g.Key, g => g.First().Value);
        var statusOf = (status.Result.Value ?? []).GroupBy(x => (x.Label("domain"), x.Label("ie"))).ToDictionary(g => g.Key, g => g.First().Label("status"));
        var (cpuOf, ramOf, capOf, powerOf) = (ByIe(cpu.Result), ByIe(ramUsed.Result), ByIe(ramCap.Result), ByIe(power.Result));
        var ies = info.Result.Value!.GroupBy(x => x.Label("domain")).ToDictionary(g => g.Key, g => g.OrderBy(x => x.Label("ie"), StringComparer.Ordinal).ToList());
        var described = (domains.Result.Value ?? []).GroupBy(x => x.Label("domain")).ToDictionary(g => g.Key, g => g.First().Label("description"));
        var names = ies.Keys.Union(described.Keys).Order(StringComparer.Ordinal).ToList();

        body.Append("<p class=\"summary\">").Append(names.Count).Append(" domains, ").Append(info.Result.Value!.Count).Append(" infrastructure elements.</p>");
        if (names.Count == 0)
            body.Append(H.Notice("info", "Prometheus has no datafabric_infrastructure_element_info series: is the Data Fabric exporter scraped?"));

        body.Append("<div class=\"charts\">");
        body.Append(RangeChart("CPU usage per domain, last hour", cpuRange.Result));
        body.Append(RangeChart("RAM usage per domain, last hour", ramRange.Result));
        if (ues.Result is { Ok: true, Value.Count: > 0 } u)
            body.Append(SvgChart.Bars("Connected UEs per cell", u.Value.OrderBy(x => x.Label("gnb")).ThenBy(x => x.Label("cell"))
                .Select(x => ($"{x.Label("gnb")}/{x.Label("cell")}", x.Value)).ToList()));
        else
            body.Append("<p class=\"muted\">No gNB cell series (gnb_cell_connected_ues)").Append(ues.Result.Ok ? "." : ": " + H.E(ues.Result.Error)).Append("</p>");
        body.Append("</div>");

        foreach (var domain in names)
        {
            var id = "domain-" + domain;
            body.Append("<section class=\"domain\" aria-labelledby=\"").Append(H.E(id)).Append("\"><h2 id=\"").Append(H.E(id)).Append("\">Domain ")
                .Append(H.E(domain)).Append("</h2>");
            if (described.TryGetValue(domain, out var description) && description.Length > 0)
                body.Append("<p>").Append(H.E(description)).Append("</p>");
            var list = ies.GetValueOrDefault(domain) ?? [];
            if (list.Count == 0)
            {
                body.Append("<p class=\"muted\">No infrastructure elements reported.</p></section>");
                continue;
            }
            body.Append("<table><caption>Infrastructure elements of ").Append(H.E(domain)).Append("</caption><thead><tr>")
                .Append("<th scope=\"col\">IE</th><th scope=\"col\">Hostname</th><th scope=\"col\">Status</th><th scope=\"col\">CPU</th>")
                .Append("<th scope=\"col\">RAM used</th><th scope=\"col\">RAM</th><th scope=\"col\">Power</th><th scope=\"col\">Arch</th></tr></thead><tbody>");
            foreach (var ie in list)
            {
                var key = (domain, ie.Label("ie"));
                var st = statusOf.GetValueOrDefault(key, "unknown");
                body.Append("<tr class=\"ie\"><th scope=\"row\">").Append(H.E(ie.Label("ie"))).Append("</th><td>").Append(H.E(ie.Label("hostname")))
                    .Append("</td><td><span class=\"status status-").Append(H.E(st.ToLowerInvariant())).Append("\">").Append(H.E(st)).Append("</span></td>")
                    .Append("<td>").Append(H.Pct(Get(cpuOf, key))).Append("</td><td>").Append(H.Pct(Get(ramOf, key))).Append("</td>")
                    .Append("<td>").Append(H.Gb(Get(capOf, key))).Append("</td><td>").Append(H.Num(Get(powerOf, key), "0.#", " W")).Append("</td>")
                    .Append("<td>").Append(H.E(ie.Label("cpu_architecture"))).Append("</td></tr>");
            }
            body.Append("</tbody></table></section>");
        }
        return PortalServices.LiveHtml(context, "Continuum", "/", body.ToString());
    }

    private static double? Get(Dictionary<(string, string), double> map, (string, string) key) => map.TryGetValue(key, out var v) ? v : null;

    private static string RangeChart(string title, Fetched<IReadOnlyList<Series>> f) =>
        f is { Ok: true, Value.Count: > 0 }
            ? SvgChart.Lines(title, f.Value.OrderBy(x => x.Label("domain"), StringComparer.Ordinal).Select(x => (x.Label("domain"), x.Points)).ToList(), TimeSpan.FromHours(1))
            : $"<p class=\"muted\">{H.E(title)}: {(f.Ok ? "no data yet." : H.E(f.Error))}</p>";
}
