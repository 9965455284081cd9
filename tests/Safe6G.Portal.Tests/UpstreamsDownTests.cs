using System.Net;
using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary>Prometheus and the orchestrator not running: every page still renders, says what is down, and nothing answers 500.</summary>
public sealed class UpstreamsDownTests
{
    [Fact]
    public async Task Every_page_renders_with_a_clear_message()
    {
        await using var portal = await SecurityTests.DeadUpstreamsAsync();
        using var web = new Web(portal.BaseAddress);
        var continuum = await web.PageAsync("/");
        Assert.Contains("Live continuum data is unavailable: Prometheus at http://127.0.0.1:", continuum.QuerySelector(".notice.error")!.TextContent);
        Assert.Contains("unreachable", continuum.QuerySelector(".notice.error")!.TextContent);

        var deployments = await web.PageAsync("/deployments");
        Assert.Contains("The deployments cannot be listed: the orchestrator at http://127.0.0.1:", deployments.QuerySelector(".notice.error")!.TextContent);

        var one = await web.PageAsync("/deployments/shop");
        Assert.Contains("Service shop cannot be shown", one.QuerySelector(".notice.error")!.TextContent);

        var health = await web.PageAsync("/health");
        Assert.Equal(2, health.QuerySelectorAll("ul.checks .status-down").Length);
        Assert.Contains("Exporter health is unavailable", health.Body!.TextContent);
        Assert.Contains("dashboards_dir is not set", health.Body!.TextContent);

        await web.PageAsync("/services/new");
    }

    [Fact]
    public async Task Commands_report_the_unreachable_orchestrator_instead_of_failing()
    {
        await using var portal = await SecurityTests.DeadUpstreamsAsync();
        using var web = new Web(portal.BaseAddress);
        using var submit = await web.PostAsync("/services/new", LivePageTests.ServiceForm("shop"));
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var page = Web.Parse(await submit.Content.ReadAsStringAsync());
        Assert.Contains("The orchestrator did not accept the service: the orchestrator at", page.QuerySelector(".notice.error")!.TextContent);
        Assert.NotNull(page.QuerySelector("pre.tosca")); // the descriptor is still there to download or copy

        foreach (var action in new[] { "delete", "reallocate", "purge" })
        {
            using var response = await web.PostAsync($"/deployments/shop/{action}", []);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("unreachable", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
        }
    }

    [Fact]
    public async Task A_prometheus_that_never_answers_is_reported_after_the_timeout()
    {
        // A listener that accepts and never answers: the timeout must end the wait.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var portal = await Hosting.PortalHost.StartAsync(new Config.PortalConfig
        {
            Prometheus = new Config.PrometheusSource { Url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}" },
            OrchestratorUrl = $"http://127.0.0.1:{FreePort.Tcp()}",
            Timeout = TimeSpan.FromSeconds(1),
        }, "127.0.0.1:0", CancellationToken.None);
        using var web = new Web(portal.BaseAddress);
        var started = DateTime.UtcNow;
        var page = await web.PageAsync("/");
        Assert.Contains("did not answer within 1s", page.QuerySelector(".notice.error")!.TextContent);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}
