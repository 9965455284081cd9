using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Safe6G.Portal.Tests;

/// <summary>
/// End to end in headless Chromium (Selenium WebDriver with Debian's chromedriver) against the running setup: the
/// continuum shows both domains and their IEs, a service typed into the form with the keyboard reaches Running with its
/// IE shown, deleting it works, every control reached with Tab has a label, the page raises no console error or CSP
/// violation, and screenshots are kept under bin/…/artifacts.
/// </summary>
[Collection("live")]
public sealed class BrowserTests(LiveSetup live, ITestOutputHelper output)
{
    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    /// <summary>What identifies the focused element in the tab order: its id, a button's value (the form's three share one name), its name, else its text.</summary>
    private const string Describe = """
        const e = arguments[0];
        if (e === document.body) return '(body)';
        return e.id || (e.tagName === 'BUTTON' ? e.value : '') || e.name || e.textContent.trim();
        """;

    /// <summary>
    /// The focused element's accessible name as this page gives it: a form control by label[for], aria-label or
    /// aria-labelledby; a link or button by aria-label or its text.
    /// </summary>
    private const string AccessibleName = """
        const e = arguments[0];
        const labelledBy = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
          .map(id => document.getElementById(id)).filter(Boolean).map(x => x.textContent.trim()).join(' ');
        const aria = (e.getAttribute('aria-label') || '').trim() || labelledBy;
        if (['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)) {
          const label = e.id ? document.querySelector('label[for="' + CSS.escape(e.id) + '"]') : null;
          return (label ? label.textContent.trim() : '') || aria;
        }
        return aria || e.textContent.trim();
        """;

    [Fact]
    public void Continuum_shows_both_domains_and_their_ies_without_console_errors()
    {
        using var browser = HeadlessChromium.Start(Path.Combine(Artifacts, "chromedriver-continuum.log"));
        browser.Go(live.Portal.BaseAddress);
        browser.WaitUntil("two domain sections", d => d.FindElements(By.CssSelector("section.domain")).Count == 2);
        Assert.Equal("Domain ncsrd|Domain upv", string.Join('|', browser.Driver.FindElements(By.CssSelector("section.domain h2")).Select(h => h.Text)));
        Assert.Equal(LiveSetup.UpvIes, browser.Driver.FindElements(By.CssSelector("#domain-upv ~ table tr.ie")).Count);
        Assert.Equal(LiveSetup.NcsrdIes, browser.Driver.FindElements(By.CssSelector("#domain-ncsrd ~ table tr.ie")).Count);
        // The stylesheet was applied (served by us, allowed by the CSP): the header is the brand colour.
        Assert.Equal("rgb(11, 79, 138)", browser.Js("return getComputedStyle(document.querySelector('header')).backgroundColor"));
        Assert.True(browser.Driver.FindElements(By.CssSelector("figure.chart svg polyline")).Count >= 2);
        var shot = Path.Combine(Artifacts, "continuum.png");
        browser.Screenshot(shot);
        output.WriteLine($"screenshot: {shot}");
        Assert.True(new FileInfo(shot).Length > 10_000);
        Assert.Empty(SettledErrors(browser));

        // The CSP is really enforced, and a violation would be caught by the check above.
        browser.Js("const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.appendChild(s);");
        Assert.Equal("undefined", browser.Js("return typeof window.__injected"));
        browser.WaitUntil("a CSP violation in the browser log", _ => browser.Errors.Any(e => e.Contains("Content Security Policy", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_service_typed_with_the_keyboard_runs_on_an_ie_and_deleting_it_works()
    {
        using var browser = HeadlessChromium.Start(Path.Combine(Artifacts, "chromedriver-service.log"));
        var form = new Uri(live.Portal.BaseAddress, "/services/new");
        browser.Go(form);

        // Every control has a label, and every button an accessible name.
        Assert.Equal("", browser.Js("return [...document.querySelectorAll('input,select,textarea')].filter(e => !e.labels || e.labels.length === 0).map(e => e.name).join(',')"));
        Assert.Equal(0L, browser.Js("return [...document.querySelectorAll('button')].filter(b => !b.textContent.trim()).length"));

        // Tab order: skip link first, then the navigation, then the form fields in reading order; every field
        // reachable, and whatever takes focus has an accessible name.
        var order = new List<string>();
        var unnamed = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            browser.Keys(Keys.Tab);
            var focused = browser.Driver.SwitchTo().ActiveElement();
            var key = (string)browser.Js(Describe, focused)!;
            order.Add(key);
            if (key != "(body)" && string.IsNullOrWhiteSpace((string?)browser.Js(AccessibleName, focused)))
                unnamed.Add(key);
        }
        output.WriteLine("tab order: " + string.Join(" → ", order));
        Assert.Equal("Skip to content", order[0]);
        Assert.Equal("Continuum", order[1]);
        var fields = new[] { "service_id", "description", "trust_function", "trust_dimension", "component", "artifact-container", "image", "port", "placement-automatic", "ies", "max_cpu", "mem_mb" };
        var positions = fields.Select(f => order.IndexOf(f)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("submit", order); // the Deploy button (name=intent value=submit) is reachable too
        Assert.Empty(unnamed);

        // Type the service with real key events: focus the first field by tabbing, then type and Tab on.
        browser.Go(form);
        TabTo(browser, "service_id");
        browser.Keys("browser-svc");
        browser.Keys(Keys.Tab);
        browser.Keys("typed in Chromium");
        TabTo(browser, "image");
        browser.Keys("safe6g/web:1.0");
        TabTo(browser, "mem_mb");
        browser.Keys("100");
        TabTo(browser, "submit");
        browser.Keys(Keys.Enter);

        browser.WaitUntil("the service's page after the submit", d => new Uri(d.Url).AbsolutePath == "/deployments/browser-svc");
        var page = new Uri(live.Portal.BaseAddress, "/deployments/browser-svc");
        browser.WaitUntil("browser-svc DEPLOYED with its component Running", d =>
        {
            d.Navigate().GoToUrl(page);
            return browser.Text("dl.facts .status") == "DEPLOYED" && browser.Text("section.component").Contains("Running", StringComparison.Ordinal);
        });
        Assert.Equal("typed in Chromium", browser.Js("return document.querySelector('dl.facts dd:nth-of-type(2)').textContent"));
        var ie = browser.Text("dd.chosen-ie");
        Assert.Matches("^(upv|ncsrd):", ie);
        browser.Screenshot(Path.Combine(Artifacts, "service.png"));

        browser.Go(new Uri(live.Portal.BaseAddress, "/deployments"));
        Assert.Equal(ie, browser.Text("#service-browser-svc .ie"));
        browser.Screenshot(Path.Combine(Artifacts, "deployments.png"));
        browser.Driver.FindElement(By.CssSelector("#service-browser-svc button[aria-label=\"Delete browser-svc\"]")).Click();
        browser.WaitUntil("the outcome notice after Delete", d => new Uri(d.Url).Query.StartsWith("?ok=", StringComparison.Ordinal));
        var list = new Uri(live.Portal.BaseAddress, "/deployments");
        browser.WaitUntil("browser-svc FINISHED", d =>
        {
            d.Navigate().GoToUrl(list);
            return browser.Text("#service-browser-svc").Contains("FINISHED", StringComparison.Ordinal);
        });
        Assert.Empty(SettledErrors(browser));
    }

    /// <summary>Tabs until the element identified by <paramref name="target"/> (id, or a button's value) has focus.</summary>
    private static void TabTo(HeadlessChromium browser, string target)
    {
        for (var i = 0; i < 80; i++)
        {
            var focused = browser.Driver.SwitchTo().ActiveElement();
            if ((string?)browser.Js("const e = arguments[0]; return e.id || (e.tagName === 'BUTTON' ? e.value : '') || ''", focused) == target)
                return;
            browser.Keys(Keys.Tab);
        }
        throw new InvalidOperationException($"Tab never reached {target}");
    }

    /// <summary>
    /// The browser log's warnings and errors once the page has settled. Absence cannot be awaited, so this gives late
    /// reports (a favicon fetch, a CSP report) a short moment after the last load; it is not what any pass depends on.
    /// </summary>
    private IReadOnlyList<string> SettledErrors(HeadlessChromium browser)
    {
        Thread.Sleep(500);
        var errors = browser.Errors;
        foreach (var e in errors)
            output.WriteLine("browser log: " + e);
        return errors;
    }
}
