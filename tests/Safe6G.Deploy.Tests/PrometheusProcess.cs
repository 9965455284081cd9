using System.Diagnostics;
using System.Text.Json;

namespace Safe6G.Deploy.Tests;

/// <summary>A real Prometheus (Debian package) on 127.0.0.1 with its own temp TSDB, stopped by PID on dispose.</summary>
internal sealed class PrometheusProcess : IDisposable
{
    private readonly Process process;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public PrometheusProcess(string configFile)
    {
        Port = StubExporter.FreePort();
        var psi = new ProcessStartInfo("prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add($"--config.file={configFile}");
        psi.ArgumentList.Add($"--storage.tsdb.path={TestPaths.NewTempDir()}");
        psi.ArgumentList.Add($"--web.listen-address=127.0.0.1:{Port}");
        process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start prometheus");
        process.OutputDataReceived += (_, e) => Log.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => Log.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    public string LogText => string.Join('\n', Log);

    public bool HasExited => process.HasExited;

    /// <summary>Runs an instant query and returns the result vector as (labels, value) pairs.</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> Query(string promql)
    {
        var json = await http.GetStringAsync($"http://127.0.0.1:{Port}/api/v1/query?query={Uri.EscapeDataString(promql)}");
        using var doc = JsonDocument.Parse(json);
        var list = new List<(Dictionary<string, string>, double)>();
        foreach (var r in doc.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var labels = r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var value = double.Parse(r.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            list.Add((labels, value));
        }

        return list;
    }

    public Task<string> Get(string path) => http.GetStringAsync($"http://127.0.0.1:{Port}{path}");

    /// <summary>Polls a query until <paramref name="done"/> holds or the deadline passes; returns the last result.</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> WaitFor(
        string promql, Func<List<(Dictionary<string, string> Labels, double Value)>, bool> done, TimeSpan deadline)
    {
        var sw = Stopwatch.StartNew();
        List<(Dictionary<string, string>, double)> last = [];
        while (sw.Elapsed < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited ({process.ExitCode}):\n{LogText}");
            }

            try
            {
                last = await Query(promql);
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        return last;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        process.Dispose();
        http.Dispose();
    }
}
