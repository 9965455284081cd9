using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;
using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary>
/// Debian's headless Chromium driven by Selenium WebDriver through Debian's chromedriver (packages chromium and
/// chromium-driver). Both paths are given explicitly, so Selenium Manager never runs and nothing is downloaded.
/// Collects the browser log's warnings and errors (console errors, uncaught exceptions, CSP violations) so tests can
/// assert there are none. A browser that cannot start throws with the driver's message: the test fails, never skips.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    /// <summary>Generous: two cores shared with other builds make page loads and polls slow at times.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ChromeDriverService _service;
    private readonly List<string> _errors = [];

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver)
    {
        _service = service;
        Driver = driver;
    }

    /// <summary>The WebDriver session.</summary>
    public ChromeDriver Driver { get; }

    /// <summary>Warnings and errors from the browser log so far (the log is drained on each read).</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            foreach (var entry in Driver.Manage().Logs.GetLog(LogType.Browser))
                if (entry.Level >= LogLevel.Warning)
                    _errors.Add($"{entry.Level}: {entry.Message}");
            return _errors.ToList();
        }
    }

    /// <param name="driverLog">chromedriver's own log, kept next to the screenshots for diagnosing a failed run.</param>
    public static HeadlessChromium Start(string driverLog)
    {
        var browser = Peers.Require("chromium");
        var chromedriver = Peers.Require("chromedriver");

        // An explicit driver path is what keeps Selenium Manager out (it only runs to find a missing driver).
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        Directory.CreateDirectory(Path.GetDirectoryName(driverLog)!);
        service.LogPath = driverLog;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400",
            // Keep Chromium off the network except for the portal under test.
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--mute-audio", "--disable-quic");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        try
        {
            var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
            driver.Manage().Timeouts().PageLoad = Patience;
            driver.Manage().Timeouts().AsynchronousJavaScript = Patience;
            return new HeadlessChromium(service, driver);
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>Loads a URL (WebDriver returns once the document has loaded).</summary>
    public void Go(Uri url) => Driver.Navigate().GoToUrl(url);

    /// <summary>Polls until <paramref name="condition"/> holds; the timeout message says what was awaited and where the page was.</summary>
    public void WaitUntil(string what, Func<IWebDriver, bool> condition)
    {
        var wait = new WebDriverWait(Driver, Patience) { PollingInterval = TimeSpan.FromMilliseconds(250) };
        // Mid-navigation lookups fail transiently; the next poll retries.
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException), typeof(JavaScriptException));
        try
        {
            wait.Until(condition);
        }
        catch (WebDriverTimeoutException ex)
        {
            throw new TimeoutException($"{what}: not true within {Patience.TotalSeconds}s; page: {Driver.Url} {PageText()}", ex);
        }
    }

    /// <summary>Runs a script in the page and returns its value (string, long, bool or a list of them).</summary>
    public object? Js(string script, params object[] args) => Driver.ExecuteScript(script, args);

    /// <summary>The visible text of the first element matching <paramref name="css"/>.</summary>
    public string Text(string css) => Driver.FindElement(By.CssSelector(css)).Text;

    private string PageText()
    {
        try
        {
            var text = Text("body");
            return text.Length > 2000 ? text[..2000] : text;
        }
        catch (WebDriverException ex)
        {
            return $"(no page text: {ex.Message})";
        }
    }

    /// <summary>Presses keys as a user's keyboard does, into whatever has focus.</summary>
    public void Keys(string keys) => new Actions(Driver).SendKeys(keys).Perform();

    /// <summary>Saves a PNG of the viewport (the window is tall enough for these pages).</summary>
    public void Screenshot(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        Driver.GetScreenshot().SaveAsFile(file);
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            // Stops chromedriver even when Quit failed; it takes its Chromium with it.
            Driver.Dispose();
            _service.Dispose();
        }
    }
}
