using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>
/// One real Prometheus 2.42 for a test class: empty scrape config, its own temp TSDB backfilled (promtool) with
/// two tenants' series (domain="upv" and domain="ncsrd") plus a series without the label, on 127.0.0.1 and a
/// free port. Stopped by PID when the class is done.
/// </summary>
public sealed class PrometheusFixture : IDisposable
{
    /// <summary>End of the backfilled data (unix seconds); queries evaluate here.</summary>
    public long DataEnd { get; }

    public HttpClient Http { get; }

    private readonly Process _process;
    private readonly string _dir;

    public PrometheusFixture()
    {
        _dir = Directory.CreateTempSubdirectory("safe6g-promql-").FullName;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        DataEnd = now - (now % 60) - 3600;
        var data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        var om = Path.Combine(_dir, "series.om");
        File.WriteAllText(om, OpenMetrics(DataEnd));
        Run("promtool", ["tsdb", "create-blocks-from", "openmetrics", "--quiet", om, data]);

        var config = Path.Combine(_dir, "prometheus.yml");
        File.WriteAllText(config, "scrape_configs: []\n");
        var port = FreePort();
        var psi = new ProcessStartInfo("prometheus")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}",
                     "--storage.tsdb.retention.time=100y", "--query.lookback-delta=5m",
                 })
        {
            psi.ArgumentList.Add(a);
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException("prometheus did not start");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        WaitReady();
    }

    /// <summary>Runs an instant query; returns (accepted by the parser, the JSON "data" or error text).</summary>
    public async Task<(bool Accepted, JsonElement Data, string Error)> QueryAsync(string query)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["query"] = query,
            ["time"] = DataEnd.ToString(CultureInfo.InvariantCulture),
        });
        using var resp = await Http.PostAsync(new Uri("api/v1/query", UriKind.Relative), form);
        using var doc = JsonDocument.Parse(await resp.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        if (root.GetProperty("status").GetString() == "success")
        {
            return (true, root.GetProperty("data").Clone(), string.Empty);
        }

        var error = root.GetProperty("error").GetString() ?? string.Empty;
        // Only parse errors count as rejection; evaluation errors mean the query was accepted.
        return (!error.Contains("parse error", StringComparison.Ordinal), default, error);
    }

    /// <summary>GETs an API path and returns its "data".</summary>
    public async Task<JsonElement> GetDataAsync(string pathAndQuery)
    {
        using var resp = await Http.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        var body = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.IsSuccessStatusCode, body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("data").Clone();
    }

    public void Dispose()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp dir is harmless.
            }
        }
    }

    private void WaitReady()
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode}");
            }

            try
            {
                using var r = Http.GetAsync(new Uri("-/ready", UriKind.Relative)).GetAwaiter().GetResult();
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException("prometheus did not become ready within 60 s");
    }

    private static string OpenMetrics(long end)
    {
        var sb = new StringBuilder();
        var start = end - 7200;
        void Series(string name, string labels, Func<long, double> value)
        {
            for (var t = start; t <= end; t += 15)
            {
                sb.Append(name).Append(labels).Append(' ')
                    .Append(value(t).ToString("R", CultureInfo.InvariantCulture)).Append(' ')
                    .Append(t.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        Series("gnb_ue_connected", "{domain=\"upv\",cell=\"c1\"}", _ => 5);
        Series("gnb_ue_connected", "{domain=\"upv\",cell=\"c2\"}", _ => 7);
        Series("gnb_ue_connected", "{domain=\"ncsrd\",cell=\"c1\"}", _ => 100);
        Series("http_requests_total", "{domain=\"upv\",job=\"api\"}", t => (t - start) * 2.0);
        Series("http_requests_total", "{domain=\"ncsrd\",job=\"api\"}", t => (t - start) * 30.0);
        Series("orphan_metric", "{job=\"x\"}", _ => 1);
        sb.Append("# EOF\n");
        return sb.ToString();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static void Run(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {err.Result}");
        }
    }
}
