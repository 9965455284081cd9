using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Safe6G.Testing;

namespace Safe6G.EndToEnd.Tests;

/// <summary>Issue 10's promise: `safe6g demo` runs headless, everything answers through the gateway, and Ctrl-C leaves no process.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_runs_headless_serves_every_exporter_through_the_gateway_and_stops_cleanly()
    {
        using var dir = new TempDir("demo");
        using var demo = SafeCli.Start(["demo", "--dir", dir.Path, "--for", "10m"]);
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (!demo.Output.Contains("DEMO READY", StringComparison.Ordinal))
        {
            Assert.False(demo.HasExited, $"the demo exited early:\n{demo.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"the demo did not get ready:\n{demo.Output}");
            await Task.Delay(500);
        }
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "demo.json")));
        var root = state.RootElement;
        Assert.True(root.GetProperty("problems").GetArrayLength() == 0, $"the demo reported problems:\n{demo.Output}");
        var gateway = root.GetProperty("gateway").GetString()!;
        var tokens = root.GetProperty("tokens");

        async Task<JsonElement> Query(string tenant, string promql)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{gateway}/thanos/api/v1/query?query={Uri.EscapeDataString(promql)}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty(tenant).GetString());
            using var response = await Http.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{promql} as {tenant}: {(int)response.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("data").GetProperty("result").Clone();
        }

        // Every exporter is up, seen centrally through the gateway by the operator tenant.
        foreach (var exporter in new[] { "datafabric", "cmc", "metaverse", "gnb" })
        {
            var up = await Eventually(() => Query("operator", $"max({exporter}_up)"), r => r.GetArrayLength() > 0 && Value(r[0]) == 1);
            Assert.Equal(1, Value(up[0]));
        }
        // Tenancy: the upv tenant sees only upv.
        var domains = await Query("upv", "count by (domain) (up)");
        Assert.All(domains.EnumerateArray(), r => Assert.Equal("upv", r.GetProperty("metric").GetProperty("domain").GetString()));

        // One query per dashboard parses and runs.
        var dashboards = Directory.GetFiles(root.GetProperty("dashboards").GetString()!, "*.json");
        Assert.True(dashboards.Length >= 7, $"{dashboards.Length} dashboards");
        foreach (var file in dashboards)
        {
            var expr = FirstExpression(await File.ReadAllTextAsync(file));
            Assert.False(expr is null, $"{file} has no PromQL target");
            await Query("operator", expr!);
        }

        // A dataset was exported through the gateway as tenant upv: CPU ratios of upv's IEs only.
        var dataset = await File.ReadAllLinesAsync(root.GetProperty("dataset").GetString()!);
        Assert.True(dataset.Length > 1, "the dataset has no rows");
        var columns = dataset[0].Split(',').ToList();
        Assert.Equal("timestamp", columns[0]);
        Assert.Equal("value", columns[^1]);
        var domain = columns.IndexOf("domain");
        var name = columns.IndexOf("__name__");
        Assert.True(domain > 0 && name > 0, dataset[0]);
        foreach (var row in dataset.Skip(1).Select(l => l.Split(',')))
        {
            Assert.Equal("upv", row[domain]);
            Assert.Equal("datafabric_infrastructure_element_cpu_usage_ratio", row[name]);
            Assert.InRange(double.Parse(row[^1], CultureInfo.InvariantCulture), 0, 1);
        }

        // The sample trust function was deployed: every component Running on an IE the Data Fabric exporter reports.
        var serviceUrl = $"{root.GetProperty("orchestrator").GetString()}/hlo_fe/services/demo-resilience-tf";
        JsonElement service = default;
        for (var i = 0; i < 90; i++)
        {
            using var doc = JsonDocument.Parse(await Http.Client.GetStringAsync(serviceUrl));
            service = doc.RootElement.Clone();
            if (service.GetProperty("action").GetString() == "DEPLOYED")
                break;
            await Task.Delay(1000);
        }
        Assert.True(service.GetProperty("action").GetString() == "DEPLOYED", service.ToString());
        var components = service.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(2, components.Count);
        foreach (var component in components)
        {
            Assert.Equal("Running", component.GetProperty("serviceComponentStatus").GetString());
            var ie = component.GetProperty("infrastructureElement").GetString()!;
            const string Urn = "urn:ngsi-ld:InfrastructureElement:";
            Assert.StartsWith(Urn, ie, StringComparison.Ordinal);
            var known = await Query("operator", $"datafabric_infrastructure_element_info{{ie=\"{ie[Urn.Length..]}\"}}");
            Assert.True(known.GetArrayLength() > 0, $"{ie} is not an IE the Data Fabric exporter serves");
        }

        // The portal's pages render on the demo's real series (the health page once answered 500 on gNB probe jobs).
        var portal = root.GetProperty("portal").GetString()!;
        foreach (var page in new[] { "/", "/deployments", "/services/new", "/health" })
        {
            using var response = await Http.Client.GetAsync(portal + page);
            Assert.True(response.IsSuccessStatusCode, $"portal {page}: {(int)response.StatusCode}");
            if (page == "/health")
            {
                var html = await response.Content.ReadAsStringAsync();
                foreach (var exporter in new[] { "datafabric", "cmc", "metaverse", "gnb-probe-" })
                    Assert.Contains(exporter, html, StringComparison.Ordinal);
            }
        }

        // Ctrl-C stops everything.
        var pids = root.GetProperty("pids").EnumerateArray().Select(p => p.GetInt32()).ToList();
        demo.Signal(2);
        Assert.True(await demo.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"the demo did not stop:\n{demo.Output}");
        Assert.Contains("everything stopped", demo.Output);
        foreach (var pid in pids)
            Assert.False(Alive(pid), $"pid {pid} is still running after the demo stopped");
    }

    private static double Value(JsonElement sample) =>
        double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);

    private static async Task<JsonElement> Eventually(Func<Task<JsonElement>> query, Func<JsonElement, bool> ok)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement last;
        do
        {
            last = await query();
            if (ok(last))
                return last;
            await Task.Delay(1000);
        }
        while (DateTime.UtcNow < deadline);
        return last;
    }

    private static string? FirstExpression(string dashboardJson)
    {
        using var json = JsonDocument.Parse(dashboardJson);
        foreach (var panel in json.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (panel.TryGetProperty("targets", out var targets))
            {
                foreach (var target in targets.EnumerateArray())
                {
                    if (target.TryGetProperty("expr", out var expr) && expr.GetString() is { Length: > 0 } text)
                        return Substitute(text);
                }
            }
        }
        return null;
    }

    // Grafana's template variables, filled the way a first page load with "All" selected would.
    private static string Substitute(string expr)
    {
        expr = System.Text.RegularExpressions.Regex.Replace(expr, @"\$__(rate_interval|interval|range)", "1m");
        expr = System.Text.RegularExpressions.Regex.Replace(expr, @"(=~|!~|!=|=)""\$\{?\w+\}?""", "=~\".*\"");
        return System.Text.RegularExpressions.Regex.Replace(expr, @"\$\{?\w+\}?", ".*");
    }

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
