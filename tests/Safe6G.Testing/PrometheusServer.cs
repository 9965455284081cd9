using System.Globalization;
using System.Text.Json;

namespace Safe6G.Testing;

/// <summary>
/// A real Prometheus (the Debian package) on a free loopback port with a generated config, its own
/// data folder, and its HTTP API for queries. Stopped by PID on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly TempDir _dir;
    private readonly ManagedProcess _process;

    private PrometheusServer(TempDir dir, ManagedProcess process, int port)
    {
        _dir = dir;
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>The API base URL, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; }

    /// <summary>Prometheus's own log, for failure messages.</summary>
    public string Log => _process.Output;

    /// <summary>
    /// Starts Prometheus with <paramref name="scrapeConfigsYaml"/> (the items of <c>scrape_configs</c>,
    /// as YAML list text) and waits for readiness.
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(string scrapeConfigsYaml, string scrapeInterval = "1s", string? extraArgs = null)
    {
        var binary = Peers.Require("prometheus");
        var dir = new TempDir("prometheus");
        var config = $"""
            global:
              scrape_interval: {scrapeInterval}
              scrape_timeout: {scrapeInterval}
              evaluation_interval: {scrapeInterval}
            scrape_configs:
            {Indent(scrapeConfigsYaml)}
            """;
        var configFile = dir.Write("prometheus.yml", config);
        var port = FreePort.Tcp();
        var args = new List<string>
        {
            $"--config.file={configFile}",
            $"--storage.tsdb.path={Path.Combine(dir.Path, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--web.enable-lifecycle",
        };
        if (extraArgs is not null)
            args.AddRange(extraArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var process = ManagedProcess.Start(binary, args);
        var server = new PrometheusServer(dir, process, port);
        try
        {
            await Http.WaitUntilOkAsync($"{server.BaseUrl}/-/ready", TimeSpan.FromSeconds(30), () => process.Output).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    /// <summary>Runs an instant query and returns the <c>data.result</c> array; API errors throw with Prometheus's message.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        var url = $"{BaseUrl}/api/v1/query?query={Uri.EscapeDataString(promql)}";
        using var response = await Http.Client.GetAsync(url).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.GetProperty("status").GetString() != "success")
            throw new InvalidOperationException($"query '{promql}' failed: {body}");
        return document.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    /// <summary>Polls a query until its first sample satisfies <paramref name="accept"/> (by value) or the timeout passes.</summary>
    public async Task<double> WaitForValueAsync(string promql, Func<double, bool> accept, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no result";
        while (DateTime.UtcNow < deadline)
        {
            var result = await QueryAsync(promql).ConfigureAwait(false);
            if (result.GetArrayLength() > 0)
            {
                var text = result[0].GetProperty("value")[1].GetString()!;
                var value = double.Parse(text, CultureInfo.InvariantCulture);
                if (accept(value))
                    return value;
                last = $"value {text}";
            }
            await Task.Delay(250).ConfigureAwait(false);
        }
        throw new TimeoutException($"'{promql}' did not reach the expected value within {timeout} (last: {last}).\nPrometheus log:\n{Log}");
    }

    /// <summary>The scrape targets as Prometheus reports them (<c>/api/v1/targets</c> activeTargets).</summary>
    public async Task<JsonElement> TargetsAsync()
    {
        var body = await Http.Client.GetStringAsync($"{BaseUrl}/api/v1/targets").ConfigureAwait(false);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("data").GetProperty("activeTargets").Clone();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Indent(string yaml) =>
        string.Join('\n', yaml.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => "  " + l));
}
