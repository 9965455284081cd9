using System.Net;
using System.Text.RegularExpressions;
using Safe6G.Portal.Config;
using Safe6G.Portal.Hosting;
using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary>Headers, CSP and cross-site POSTs, on a portal whose upstreams are not running (the headers must not depend on them).</summary>
public sealed class SecurityTests
{
    internal static Task<RunningPortal> DeadUpstreamsAsync(PortalConfig? config = null)
    {
        config ??= new PortalConfig();
        config.Prometheus = new PrometheusSource { Url = $"http://127.0.0.1:{FreePort.Tcp()}" };
        config.OrchestratorUrl = $"http://127.0.0.1:{FreePort.Tcp()}";
        config.Timeout = TimeSpan.FromSeconds(2);
        return PortalHost.StartAsync(config, "127.0.0.1:0", CancellationToken.None);
    }

    [Fact]
    public async Task Every_page_sends_the_csp_and_security_headers()
    {
        await using var portal = await DeadUpstreamsAsync();
        using var web = new Web(portal.BaseAddress);
        foreach (var path in Web.Pages.Append("/signin").Append("/static/portal.css").Append("/deployments/nope"))
        {
            using var response = await web.GetAsync(path);
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("style-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("script-src", csp); // no script at all: default-src 'none' covers it
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.False(response.Headers.Contains("Server"));
        }
    }

    [Fact]
    public async Task Pages_hold_no_script_no_inline_style_and_no_event_handlers()
    {
        await using var portal = await DeadUpstreamsAsync();
        using var web = new Web(portal.BaseAddress);
        foreach (var path in Web.Pages.Append("/signin"))
        {
            using var response = await web.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            var page = Web.Parse(html);
            Assert.Empty(page.QuerySelectorAll("script"));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.DoesNotMatch(new Regex("https?://(?!127\\.0\\.0\\.1|www\\.w3\\.org)"), string.Join(" ", page.All.SelectMany(e => e.Attributes)
                .Where(a => a.Name is "href" or "src" or "action").Select(a => a.Value)));
        }
    }

    [Fact]
    public async Task Cross_site_posts_are_refused_same_origin_ones_pass()
    {
        await using var portal = await DeadUpstreamsAsync();
        using var web = new Web(portal.BaseAddress);
        using var evil = await web.PostAsync("/deployments/x/delete", [], origin: "http://evil.example", fetchSite: "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, evil.StatusCode);
        using var evilOrigin = await web.PostAsync("/deployments/x/delete", [], origin: "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, evilOrigin.StatusCode);
        var self = portal.BaseAddress.GetLeftPart(UriPartial.Authority);
        using var same = await web.PostAsync("/deployments/x/delete", [], origin: self, fetchSite: "same-origin");
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
    }

    [Fact]
    public async Task Static_assets_are_embedded_and_only_those_are_served()
    {
        await using var portal = await DeadUpstreamsAsync();
        using var web = new Web(portal.BaseAddress);
        using var css = await web.GetAsync("/static/portal.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("@import", await css.Content.ReadAsStringAsync());
        using var other = await web.GetAsync("/static/..%2FSafe6G.Portal.dll");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
