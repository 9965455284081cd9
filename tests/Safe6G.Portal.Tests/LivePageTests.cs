using System.Net;

namespace Safe6G.Portal.Tests;

/// <summary>Every page against the running setup, over HTTP, parsed as HTML.</summary>
[Collection("live")]
public sealed class LivePageTests(LiveSetup live)
{
    [Fact]
    public async Task Continuum_shows_both_domains_with_their_ies_and_live_values()
    {
        using var web = new Web(live.Portal.BaseAddress);
        var page = await web.PageAsync("/");
        var domains = page.QuerySelectorAll("section.domain h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Domain ncsrd", "Domain upv"], domains);
        var upv = page.QuerySelector("#domain-upv")!.ParentElement!;
        var ncsrd = page.QuerySelector("#domain-ncsrd")!.ParentElement!;
        Assert.Equal(LiveSetup.UpvIes, upv.QuerySelectorAll("tr.ie").Length);
        Assert.Equal(LiveSetup.NcsrdIes, ncsrd.QuerySelectorAll("tr.ie").Length);
        foreach (var row in page.QuerySelectorAll("tr.ie"))
        {
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
            Assert.NotEqual("unknown", cells[1]); // status read from the state set
            Assert.Matches(@"^\d+\.\d %$", cells[2]); // CPU
            Assert.Matches(@"^\d+\.\d GB$", cells[4]); // RAM capacity
        }
        // Both ratio charts are drawn from query_range, one line per domain.
        var charts = page.QuerySelectorAll("figure.chart svg");
        Assert.True(charts.Length >= 2, page.Body!.InnerHtml);
        Assert.Equal(2, charts[0].QuerySelectorAll("polyline").Length);
        Assert.Contains("gnb_cell_connected_ues", page.Body!.TextContent); // no gNB in this setup: said, not hidden
    }

    [Fact]
    public async Task Live_pages_offer_auto_refresh_without_script_and_only_at_the_offered_intervals()
    {
        using var web = new Web(live.Portal.BaseAddress);
        var off = await web.PageAsync("/health");
        Assert.Null(off.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Equal(["off", "10s", "30s", "1m", "5m"], off.QuerySelectorAll("nav.refresh a").Select(a => a.TextContent));
        Assert.Equal("off", off.QuerySelector("nav.refresh a[aria-current]")!.TextContent);

        var on = await web.PageAsync("/deployments?refresh=30s&ok=deleted");
        Assert.Equal("30; url=/deployments?refresh=30s", on.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("30s", on.QuerySelector("nav.refresh a[aria-current]")!.TextContent);

        // An interval the page does not offer (a 0 s or 1 s reload loop) is ignored; the form page never reloads itself.
        Assert.Null((await web.PageAsync("/?refresh=1s")).QuerySelector("meta[http-equiv=refresh]"));
        var form = await web.PageAsync("/services/new?refresh=10s");
        Assert.Null(form.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Null(form.QuerySelector("nav.refresh"));
    }

    [Fact]
    public async Task Without_the_orchestrators_credentials_the_deployments_page_says_it_was_refused()
    {
        await using var portal = await Hosting.PortalHost.StartAsync(new Config.PortalConfig
        {
            Prometheus = new Config.PrometheusSource { Url = live.Prometheus.BaseUrl },
            OrchestratorUrl = live.Orchestrator.BaseAddress.ToString(),
        }, "127.0.0.1:0", CancellationToken.None);
        using var web = new Web(portal.BaseAddress);
        var page = await web.PageAsync("/deployments");
        Assert.Contains("the orchestrator answered 401", page.QuerySelector(".notice.error")!.TextContent, StringComparison.Ordinal);

        // The shared setup's portal holds the credentials, so its page has no error.
        using var authorised = new Web(live.Portal.BaseAddress);
        Assert.Null((await authorised.PageAsync("/deployments")).QuerySelector(".notice.error"));
    }

    [Fact]
    public async Task Health_shows_each_source_up_with_its_scrape_duration_and_the_dashboard_link()
    {
        using var web = new Web(live.Portal.BaseAddress);
        var page = await web.PageAsync("/health");
        var rows = page.QuerySelectorAll("tr.source").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Contains(rows, r => r[0] == "datafabric" && r[1] == "upv" && r[3] == "datafabric" && r[4] == "up" && r[5].EndsWith(" ms", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[0] == "datafabric" && r[1] == "ncsrd" && r[4] == "up");
        Assert.Equal(2, page.QuerySelectorAll("ul.checks .status-ready").Length);
        var link = page.QuerySelector("ul.dashboards a")!;
        Assert.Equal("SAFE-6G continuum", link.TextContent);
        using var json = await web.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("safe6g-continuum", await json.Content.ReadAsStringAsync());
        using var traversal = await web.GetAsync("/dashboards/..%2Fdatafabric.yml");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task Service_form_submits_a_descriptor_that_runs_then_delete_and_purge_work()
    {
        using var web = new Web(live.Portal.BaseAddress);
        var form = ServiceForm("web-shop", ("placement", "automatic"), ("max_cpu", "95"), ("mem_mb", "100"));
        using var posted = await web.PostAsync("/services/new", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/deployments/web-shop?ok=", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var service = await SettledAsync(web, "web-shop");
        var chosen = service.QuerySelector("dd.chosen-ie")!.TextContent;
        Assert.Matches("^(upv|ncsrd):", chosen);
        Assert.Contains("Running", service.QuerySelector("section.component")!.TextContent);
        Assert.NotNull(service.QuerySelector("table.explanation"));
        Assert.Contains("of " + (LiveSetup.UpvIes + LiveSetup.NcsrdIes) + " IEs eligible", service.QuerySelector("details summary")!.TextContent);

        var list = await web.PageAsync("/deployments");
        var row = list.QuerySelector("#service-web-shop")!;
        Assert.Contains(chosen, row.QuerySelector(".ie")!.TextContent);
        Assert.Contains("DEPLOYED", row.TextContent);

        using var deleted = await web.PostAsync("/deployments/web-shop/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("ok=", deleted.Headers.Location!.OriginalString);
        await WaitAsync(async () => (await web.PageAsync("/deployments")).QuerySelector("#service-web-shop")!.TextContent.Contains("FINISHED"));

        // Re-allocate brings it back, and a second delete + purge removes it.
        using var again = await web.PostAsync("/deployments/web-shop/reallocate", []);
        Assert.Contains("ok=", again.Headers.Location!.OriginalString);
        await SettledAsync(web, "web-shop");
        using var _ = await web.PostAsync("/deployments/web-shop/delete", []);
        await WaitAsync(async () => (await web.PageAsync("/deployments")).QuerySelector("#service-web-shop")!.TextContent.Contains("FINISHED"));
        using var purged = await web.PostAsync("/deployments/web-shop/purge", []);
        Assert.Contains("ok=", purged.Headers.Location!.OriginalString);
        Assert.Null((await web.PageAsync("/deployments")).QuerySelector("#service-web-shop"));
    }

    [Fact]
    public async Task Manual_placement_lands_on_the_named_ie_and_upgrade_and_refusals_are_shown()
    {
        using var web = new Web(live.Portal.BaseAddress);
        var ie = (await live.Prometheus.QueryAsync("datafabric_infrastructure_element_status{domain=\"ncsrd\",status=\"Ready\"} == 1"))[0]
            .GetProperty("metric").GetProperty("ie").GetString()!;
        using var posted = await web.PostAsync("/services/new", ServiceForm("pinned", ("placement", "manual"), ("ies", ie)));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await SettledAsync(web, "pinned");
        Assert.Equal(ie, page.QuerySelector("dd.chosen-ie")!.TextContent);

        // Upgrade with a broken descriptor: the orchestrator's line/field message reaches the page.
        using var bad = await web.PostAsync("/deployments/pinned/upgrade", [new("tosca", "description: x\n")]);
        var location = Uri.UnescapeDataString(bad.Headers.Location!.OriginalString);
        Assert.Contains("error=", location);
        Assert.Contains("node_templates", location);
        var shown = await web.PageAsync(bad.Headers.Location!.OriginalString);
        Assert.Contains("node_templates", shown.QuerySelector(".notice.error")!.TextContent);

        // Deploying the same id twice: 409 from the orchestrator, shown on the form, not a 500.
        using var twice = await web.PostAsync("/services/new", ServiceForm("pinned", ("placement", "automatic")));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var again = Web.Parse(await twice.Content.ReadAsStringAsync());
        Assert.Contains("409", again.QuerySelector(".notice.error")!.TextContent);
        Assert.Equal("pinned", again.QuerySelector("#service_id")!.GetAttribute("value")); // the form keeps what was typed

        using var _ = await web.PostAsync("/deployments/pinned/delete", []);
    }

    [Fact]
    public async Task Download_returns_the_tosca_file_and_preview_shows_it()
    {
        using var web = new Web(live.Portal.BaseAddress);
        using var download = await web.PostAsync("/services/new", ServiceForm("dl", ("placement", "automatic"), ("intent", "download")));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment; filename=\"dl.tosca.yaml\"", download.Content.Headers.ContentDisposition!.ToString());
        var yaml = await download.Content.ReadAsStringAsync();
        Assert.Equal("test service", Orchestration.Tosca.ToscaParser.Parse(yaml).Description);

        using var preview = await web.PostAsync("/services/new", ServiceForm("dl", ("placement", "automatic"), ("intent", "preview")));
        var page = Web.Parse(await preview.Content.ReadAsStringAsync());
        Assert.Equal(yaml, page.QuerySelector("pre.tosca")!.TextContent);
        using var list = await web.GetAsync("/deployments");
        Assert.DoesNotContain("service-dl\"", await list.Content.ReadAsStringAsync()); // neither deployed anything
    }

    [Fact]
    public async Task Invalid_form_is_answered_400_with_each_field_error_linked_to_its_input()
    {
        using var web = new Web(live.Portal.BaseAddress);
        using var response = await web.PostAsync("/services/new",
            [new("service_id", "bad id"), new("description", ""), new("image", "x"), new("placement", "manual"), new("port", "70000"), new("intent", "submit")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Web.Parse(await response.Content.ReadAsStringAsync());
        foreach (var field in new[] { "service_id", "description", "ies", "port" })
        {
            var input = page.GetElementById(field)!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.Contains(field + "-error", input.GetAttribute("aria-describedby")!);
            Assert.NotNull(page.GetElementById(field + "-error"));
        }
        Assert.NotNull(page.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task Every_form_control_has_a_label()
    {
        using var web = new Web(live.Portal.BaseAddress);
        var page = await web.PageAsync("/services/new");
        var controls = page.QuerySelectorAll("input, select, textarea").ToList();
        Assert.True(controls.Count > 20);
        foreach (var control in controls)
        {
            var id = control.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), control.OuterHtml);
            Assert.NotNull(page.QuerySelector($"label[for='{id}']"));
        }
    }

    internal static List<KeyValuePair<string, string>> ServiceForm(string id, params (string Key, string Value)[] extra)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("service_id", id), new("description", "test service"), new("component", "web"), new("artifact", "container"),
            new("image", "safe6g/web:1.0"), new("port", "8080"), new("protocol", "tcp"),
        };
        form.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)));
        if (extra.All(e => e.Key != "intent"))
            form.Add(new("intent", "submit"));
        return form;
    }

    private static async Task<AngleSharp.Dom.IDocument> SettledAsync(Web web, string id)
    {
        AngleSharp.Dom.IDocument? page = null;
        await WaitAsync(async () =>
        {
            page = await web.PageAsync($"/deployments/{id}");
            return page.QuerySelector("dl.facts .status")?.TextContent is "DEPLOYED" or "FAILED";
        });
        Assert.Equal("DEPLOYED", page!.QuerySelector("dl.facts .status")!.TextContent);
        return page;
    }

    internal static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(200);
        }
    }
}
