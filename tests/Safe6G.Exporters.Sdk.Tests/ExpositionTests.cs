using System.Net;
using System.IO.Compression;
using System.Net.Http.Headers;
using Safe6G.Exporters.Sdk.Exposition;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Testing;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class ExpositionTests
{
    private static MetricSnapshot Sample()
    {
        var snapshot = new MetricSnapshot();
        snapshot.Gauge("t_temperature_celsius", "A gauge.", "cell").Add(21.5, "c1").Add(-3, "c2\"quoted\\");
        snapshot.Counter("t_bytes_total", "A counter.", "dir").Add(1e10, "ul");
        snapshot.Info("t_device_info", "Inventory.", "model", "serial").Add(1, "QRTB", "SN1");
        snapshot.StateSet("t_cell_state", "State set.", "state", ["up", "down"], "down", ["cell"], ["c1"]);
        return snapshot;
    }

    private static async Task<string> Render(MetricSnapshot snapshot, Prometheus.ExpositionFormat format)
    {
        using var stream = new MemoryStream();
        await SnapshotWriter.WriteAsync(stream, snapshot, format, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Text_format_is_lint_clean_for_promtool()
    {
        var body = await Render(Sample(), Prometheus.ExpositionFormat.PrometheusText);
        var result = await Promtool.CheckMetricsAsync(body);
        Assert.True(result.ExitCode == 0, $"promtool said ({result.ExitCode}): {result.Output}\n{body}");
        Assert.Contains("t_bytes_total{dir=\"ul\"} 10000000000", body);
        Assert.Contains("t_temperature_celsius{cell=\"c2\\\"quoted\\\\\"} -3", body);
        Assert.Contains("t_cell_state{cell=\"c1\",state=\"down\"} 1", body);
        Assert.Contains("t_cell_state{cell=\"c1\",state=\"up\"} 0", body);
    }

    [Fact]
    public async Task OpenMetrics_ends_with_eof_and_names_counter_family_without_total()
    {
        var body = await Render(Sample(), Prometheus.ExpositionFormat.OpenMetricsText);
        Assert.EndsWith("# EOF\n", body);
        Assert.Contains("# TYPE t_bytes counter", body);
        Assert.Contains("t_bytes_total{dir=\"ul\"}", body);
        Assert.Equal(1, body.Split("# EOF").Length - 1);
    }

    [Fact]
    public async Task Registries_and_snapshots_compose_into_one_openmetrics_body_with_a_single_eof()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        Prometheus.Metrics.WithCustomRegistry(registry).CreateGauge("self_thing", "x").Set(1);
        using var stream = new MemoryStream();
        await SnapshotWriter.WriteAsync(stream, [registry, registry], [Sample()], Prometheus.ExpositionFormat.OpenMetricsText, CancellationToken.None);
        var body = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(1, body.Split("# EOF").Length - 1);
        Assert.EndsWith("# EOF\n", body);
        Assert.Contains("self_thing 1", body);
    }

    [Fact]
    public async Task Same_family_from_two_snapshots_is_merged_not_repeated()
    {
        var a = new MetricSnapshot();
        a.Gauge("m_value", "v", "source").Add(1, "a");
        var b = new MetricSnapshot();
        b.Gauge("m_value", "v", "source").Add(2, "b");
        using var stream = new MemoryStream();
        await SnapshotWriter.WriteAsync(stream, [a, b], Prometheus.ExpositionFormat.PrometheusText, CancellationToken.None);
        var body = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(1, body.Split("# TYPE m_value").Length - 1);
        Assert.Contains("m_value{source=\"a\"} 1", body);
        Assert.Contains("m_value{source=\"b\"} 2", body);
        Assert.Equal(0, (await Promtool.CheckMetricsAsync(body)).ExitCode);
    }

    [Fact]
    public async Task Special_values_help_escaping_and_unicode_stay_parseable_in_both_formats()
    {
        var snapshot = new MetricSnapshot();
        snapshot.Gauge("t_special", "Help with a backslash \\ and\na newline.", "name")
            .Add(double.NaN, "nan").Add(double.PositiveInfinity, "inf").Add(double.NegativeInfinity, "minf")
            .Add(0.1, "tenth").Add(-2.5e-7, "tiny").Add(123456789012345678, "huge").Add(3, "Zürich ✓");
        var text = await Render(snapshot, Prometheus.ExpositionFormat.PrometheusText);
        Assert.Contains("t_special{name=\"nan\"} NaN\n", text);
        Assert.Contains("t_special{name=\"inf\"} +Inf\n", text);
        Assert.Contains("t_special{name=\"minf\"} -Inf\n", text);
        Assert.Contains("t_special{name=\"tenth\"} 0.1\n", text);
        Assert.Contains("t_special{name=\"tiny\"} -2.5E-07\n", text);
        Assert.Contains("t_special{name=\"Zürich ✓\"} 3\n", text);
        Assert.Contains("# HELP t_special Help with a backslash \\\\ and\\na newline.\n", text);
        var lint = await Promtool.CheckMetricsAsync(text);
        Assert.True(lint.ExitCode == 0, lint.Output + "\n" + text);
        var openMetrics = await Render(snapshot, Prometheus.ExpositionFormat.OpenMetricsText);
        Assert.True((await Promtool.CheckMetricsAsync(openMetrics)).ExitCode != 1, openMetrics);
    }

    [Fact]
    public async Task Hand_written_writer_and_prometheus_net_give_the_same_series()
    {
        var snapshot = Sample();
        var ours = await Render(snapshot, Prometheus.ExpositionFormat.PrometheusText);
        using var stream = new MemoryStream();
        await SnapshotWriter.ToRegistry([snapshot]).CollectAndExportAsTextAsync(stream, Prometheus.ExpositionFormat.PrometheusText);
        var theirs = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        static string[] Series(string body) => [.. body.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Order(StringComparer.Ordinal)];
        Assert.Equal(Series(theirs), Series(ours));
    }

    [Theory]
    [InlineData("application/openmetrics-text; version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", true)]
    [InlineData("text/plain;version=0.0.4;q=1,*/*;q=0.1", false)]
    [InlineData(null, false)]
    public void Negotiates_the_format_prometheus_asks_for(string? accept, bool openMetrics) =>
        Assert.Equal(openMetrics ? Prometheus.ExpositionFormat.OpenMetricsText : Prometheus.ExpositionFormat.PrometheusText,
            ExpositionFormats.Negotiate(accept));

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("br, gzip;q=0.5", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("identity", false)]
    public void Gzip_only_when_allowed(string header, bool expected) => Assert.Equal(expected, ExpositionFormats.AcceptsGzip(header));

    [Fact]
    public async Task Http_endpoint_serves_gzip_and_openmetrics()
    {
        await using var host = await ExampleHost.StartAsync("series: 50\nfamilies: 2\n");
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler);

        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url("/metrics"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
        using var response = await client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.StartsWith("application/openmetrics-text", response.Content.Headers.ContentType!.ToString());
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var body = await reader.ReadToEndAsync();
        Assert.EndsWith("# EOF\n", body);
        Assert.Contains("example_up{source=\"synthetic\"} 1", body);
        Assert.Contains("example_synthetic_0_value{group=\"g0\",id=\"0\"}", body);
    }
}
