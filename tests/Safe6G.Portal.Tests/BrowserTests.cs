using System.Text.Json;
using Xunit.Abstractions;

namespace Safe6G.Portal.Tests;

/// <summary>
/// End to end in headless Chromium against the running setup: the continuum shows both domains and their IEs, a
/// service typed into the form with the keyboard reaches Running with its IE shown, deleting it works, the page
/// raises no console error or CSP violation, and screenshots are kept under bin/…/artifacts.
/// </summary>
[Collection("live")]
public sealed class BrowserTests(LiveSetup live, ITestOutputHelper output)
{
    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task Continuum_shows_both_domains_and_their_ies_without_console_errors()
    {
        await using var browser = await Chromium.StartAsync();
        await browser.GoAsync(live.Portal.BaseAddress);
        await browser.WaitForAsync("document.querySelectorAll('section.domain').length === 2");
        Assert.Equal("Domain ncsrd|Domain upv", (await browser.EvalAsync("[...document.querySelectorAll('section.domain h2')].map(h => h.textContent).join('|')")).GetString());
        Assert.Equal(LiveSetup.UpvIes, (await browser.EvalAsync("document.querySelectorAll('#domain-upv ~ table tr.ie').length")).GetInt32());
        Assert.Equal(LiveSetup.NcsrdIes, (await browser.EvalAsync("document.querySelectorAll('#domain-ncsrd ~ table tr.ie').length")).GetInt32());
        // The stylesheet was applied (served by us, allowed by the CSP): the header is the brand colour.
        Assert.Equal("rgb(11, 79, 138)", (await browser.EvalAsync("getComputedStyle(document.querySelector('header')).backgroundColor")).GetString());
        Assert.True((await browser.EvalAsync("document.querySelectorAll('figure.chart svg polyline').length")).GetInt32() >= 2);
        var shot = Path.Combine(Artifacts, "continuum.png");
        await browser.ScreenshotAsync(shot);
        output.WriteLine($"screenshot: {shot}");
        Assert.True(new FileInfo(shot).Length > 10_000);
        await Task.Delay(300); // let late console events arrive
        Assert.Empty(browser.Errors);

        // The CSP is really enforced, and a violation would be caught by the check above.
        await browser.EvalAsync("(() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.appendChild(s); })()");
        Assert.Equal(JsonValueKind.Undefined, (await browser.EvalAsync("window.__injected")).ValueKind);
        await WaitAsync(() => !browser.Errors.IsEmpty);
        Assert.Contains(browser.Errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_typed_with_the_keyboard_runs_on_an_ie_and_deleting_it_works()
    {
        await using var browser = await Chromium.StartAsync();
        await browser.GoAsync(new Uri(live.Portal.BaseAddress, "/services/new"));

        // Every control has a label, and every button an accessible name.
        Assert.Equal("", (await browser.EvalAsync("[...document.querySelectorAll('input,select,textarea')].filter(e => !e.labels || e.labels.length === 0).map(e => e.name).join(',')")).GetString());
        Assert.Equal("", (await browser.EvalAsync("[...document.querySelectorAll('button')].filter(b => !b.textContent.trim()).length.toString().replace('0','')")).GetString());

        // Tab order: skip link first, then the navigation, then the form fields in reading order; every field reachable.
        var order = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            await browser.PressAsync("Tab", 9);
            order.Add((await browser.EvalAsync("(e => e === document.body ? '(body)' : e.id || e.name || e.textContent.trim())(document.activeElement)")).GetString()!);
        }
        output.WriteLine("tab order: " + string.Join(" → ", order));
        Assert.Equal("Skip to content", order[0]);
        Assert.Equal("Continuum", order[1]);
        var fields = new[] { "service_id", "description", "trust_function", "trust_dimension", "component", "artifact-container", "image", "port", "placement-automatic", "ies", "max_cpu", "mem_mb" };
        var positions = fields.Select(f => order.IndexOf(f)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);

        // Type the service with real key events: focus the first field by tabbing, then type and Tab on.
        await browser.GoAsync(new Uri(live.Portal.BaseAddress, "/services/new"));
        await TabToAsync(browser, "service_id");
        await browser.TypeAsync("browser-svc");
        await browser.PressAsync("Tab", 9);
        await browser.TypeAsync("typed in Chromium");
        await TabToAsync(browser, "image");
        await browser.TypeAsync("safe6g/web:1.0");
        await TabToAsync(browser, "mem_mb");
        await browser.TypeAsync("100");
        await TabToAsync(browser, "submit"); // the Deploy button (name=intent value=submit)
        await browser.PressAsync("Enter", 13, "\r");

        await browser.WaitForAsync("location.pathname === '/deployments/browser-svc'");
        for (var i = 0; i < 60 && (await browser.EvalAsync("document.querySelector('dl.facts .status').textContent")).GetString() != "DEPLOYED"; i++)
        {
            await Task.Delay(300);
            await browser.GoAsync(new Uri(live.Portal.BaseAddress, "/deployments/browser-svc"));
        }
        Assert.Contains("Running", (await browser.EvalAsync("document.querySelector('section.component').textContent")).GetString());
        var ie = (await browser.EvalAsync("document.querySelector('dd.chosen-ie').textContent")).GetString()!;
        Assert.Matches("^(upv|ncsrd):", ie);
        await browser.ScreenshotAsync(Path.Combine(Artifacts, "service.png"));

        await browser.GoAsync(new Uri(live.Portal.BaseAddress, "/deployments"));
        Assert.Equal(ie, (await browser.EvalAsync("document.querySelector('#service-browser-svc .ie').textContent")).GetString());
        await browser.ScreenshotAsync(Path.Combine(Artifacts, "deployments.png"));
        await browser.EvalAsync("document.querySelector('#service-browser-svc button[aria-label=\"Delete browser-svc\"]').click()");
        await browser.WaitForAsync("location.search.startsWith('?ok=')");
        for (var i = 0; i < 60 && !(await browser.EvalAsync("document.querySelector('#service-browser-svc').textContent")).GetString()!.Contains("FINISHED"); i++)
        {
            await Task.Delay(300);
            await browser.GoAsync(new Uri(live.Portal.BaseAddress, "/deployments"));
        }
        Assert.Contains("FINISHED", (await browser.EvalAsync("document.querySelector('#service-browser-svc').textContent")).GetString());
        await Task.Delay(300);
        Assert.Empty(browser.Errors);
    }

    private static async Task TabToAsync(Chromium browser, string target)
    {
        for (var i = 0; i < 80; i++)
        {
            var active = (await browser.EvalAsync("(e => e.id || (e.tagName === 'BUTTON' ? e.value : '') || '')(document.activeElement)")).GetString();
            if (active == target) return;
            await browser.PressAsync("Tab", 9);
        }
        throw new InvalidOperationException($"Tab never reached {target}");
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
            await Task.Delay(100);
    }
}
