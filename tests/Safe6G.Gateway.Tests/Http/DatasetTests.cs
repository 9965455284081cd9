using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Safe6G.Gateway.Datasets;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>Dataset export: CSV and Parquet content equals the Prometheus API's, tenant-enforced, chunked by time.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DatasetTests(GatewayFixture f)
{
    private long End => f.Prometheus.DataEnd;

    [Fact]
    public async Task Csv_export_through_the_gateway_holds_exactly_the_tenants_samples()
    {
        var csv = await ExportAsync("{__name__=~\"gnb.*|http.*|orphan.*\"}", End - 3600, End, "60", "csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("timestamp,__name__,cell,domain,job,value", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(3 * 61, rows.Count); // upv: two gnb series and one counter, 61 steps each
        Assert.All(rows, r => Assert.Equal("upv", r[3]));

        var direct = await DirectAsync("{__name__=~\"gnb.*|http.*|orphan.*\",domain=\"upv\"}", End - 3600, End, 60);
        foreach (var r in rows)
        {
            var key = $"{r[1]}|{r[2]}|{r[4]}|{r[0]}";
            Assert.True(direct.TryGetValue(key, out var v), $"row {string.Join(',', r)} not in the API's answer");
            Assert.Equal(v, r[5]);
        }

        Assert.Equal(direct.Count, rows.Count);
    }

    [Fact]
    public async Task Parquet_export_has_typed_columns_and_reads_back_to_the_same_values()
    {
        using var request = Request($"/datasets/export?query={GatewayFixture.Q("gnb_ue_connected")}&start={End - 1800}&end={End}&step=30&format=parquet", f.Keys.Token("upv"));
        using var response = await f.Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal("2", response.Headers.GetValues("X-Safe6G-Dataset-Series").Single());

        using var stream = new MemoryStream(bytes);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["timestamp", "__name__", "cell", "domain", "value"], fields.Select(x => x.Name).ToArray());
        Assert.IsType<DateTimeDataField>(fields[0]);
        Assert.Equal(typeof(double), fields[4].ClrType);

        var direct = await DirectAsync("gnb_ue_connected{domain=\"upv\"}", End - 1800, End, 30);
        var rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var times = new DateTime[n];
            var cells = new string?[n];
            var domains = new string?[n];
            var values = new double[n];
            await group.ReadAsync<DateTime>(fields[0], times);
            await group.ReadAsync(fields[2], cells.AsMemory()!);
            await group.ReadAsync(fields[3], domains.AsMemory()!);
            await group.ReadAsync<double>(fields[4], values);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal("upv", domains[i]);
                var unix = new DateTimeOffset(DateTime.SpecifyKind(times[i], DateTimeKind.Utc)).ToUnixTimeSeconds();
                var key = $"gnb_ue_connected|{cells[i]}||{unix}";
                Assert.True(direct.TryGetValue(key, out var v), $"{key} not in the API's answer");
                Assert.Equal(double.Parse(v, CultureInfo.InvariantCulture), values[i]);
            }

            rows += n;
        }

        Assert.Equal(direct.Count, rows);
    }

    [Fact]
    public async Task Windows_smaller_than_the_range_give_the_same_rows_and_the_sidecar_records_gaps()
    {
        using var http = new HttpClient();
        var client = new RangeQueryClient(http, f.Prometheus.Http.BaseAddress!.ToString());
        // 40 minutes of data then 20 minutes past the data's end: the series go stale 5 minutes after it.
        var request = new DatasetRequest("gnb_ue_connected", DateTimeOffset.FromUnixTimeSeconds(End - 2400), DateTimeOffset.FromUnixTimeSeconds(End + 1200), TimeSpan.FromSeconds(60));
        using var whole = await DatasetExporter.FetchAsync(client, request, 11_000, null, CancellationToken.None);
        using var chunked = await DatasetExporter.FetchAsync(client, request, 7, null, CancellationToken.None);
        Assert.Equal(1, whole.Windows);
        Assert.Equal(9, chunked.Windows); // 61 steps in windows of 7
        Assert.Equal(await CsvAsync(whole), await CsvAsync(chunked));

        Assert.Equal(3, whole.Series.All.Count);
        foreach (var s in whole.Series.All)
        {
            Assert.Equal(46, s.Samples); // 40 min + the 5 min lookback, at 1/min, both ends included
            Assert.Equal(15, s.MissingSteps);
            Assert.Equal((End + 360) * 1000, s.Gaps.Single().FromMs);
            Assert.Equal((End + 1200) * 1000, s.Gaps.Single().ToMs);
        }

        using var sidecar = new MemoryStream();
        await DatasetSidecar.WriteAsync(whole, "csv", sidecar, CancellationToken.None);
        using var doc = JsonDocument.Parse(sidecar.ToArray());
        Assert.Equal("gnb_ue_connected", doc.RootElement.GetProperty("query").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("series_count").GetInt32());
        Assert.Equal(15, doc.RootElement.GetProperty("series")[0].GetProperty("missing_steps").GetInt64());
    }

    [Fact]
    public async Task A_thirty_day_range_at_15s_is_fetched_in_windows_of_at_most_11000_points()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var client = new RangeQueryClient(http, f.Prometheus.Http.BaseAddress!.ToString());
        var request = new DatasetRequest("gnb_ue_connected{domain=\"upv\"}", DateTimeOffset.FromUnixTimeSeconds(End - (30 * 86400)), DateTimeOffset.FromUnixTimeSeconds(End), TimeSpan.FromSeconds(15));
        using var data = await DatasetExporter.FetchAsync(client, request, 11_000, null, CancellationToken.None);
        Assert.Equal(16, data.Windows); // 172,801 steps / 11,000
        Assert.Equal(2, data.Series.All.Count);
        Assert.All(data.Series.All, s => Assert.Equal(172_801, s.Samples + s.MissingSteps));
    }

    [Fact]
    public async Task Export_errors_are_prometheus_style()
    {
        var upv = f.Keys.Token("upv");
        Assert.Equal(400, (await f.GetAsync($"/datasets/export?query={GatewayFixture.Q("sum(")}&start=0&end=60&step=15", upv)).Status);
        Assert.Equal(400, (await f.GetAsync("/datasets/export?query=up&start=60&end=0&step=15", upv)).Status);
        Assert.Equal(400, (await f.GetAsync("/datasets/export?query=up&start=0&end=60&step=15&format=xlsx", upv)).Status);
        // Prometheus refuses a string expression in a range query; its 400 comes back as is.
        var text = await f.GetAsync($"/datasets/export?query={GatewayFixture.Q("\"x\"")}&start=0&end=60&step=15", upv);
        Assert.Equal(400, text.Status);
        Assert.Equal("bad_data", text.Json.GetProperty("errorType").GetString());
    }

    private HttpRequestMessage Request(string path, string token)
    {
        var r = new HttpRequestMessage(HttpMethod.Get, path);
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return r;
    }

    private async Task<string> ExportAsync(string query, long start, long end, string step, string format)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["query"] = query, ["start"] = start.ToString(CultureInfo.InvariantCulture), ["end"] = end.ToString(CultureInfo.InvariantCulture),
            ["step"] = step, ["format"] = format,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/datasets") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", f.Keys.Token("upv"));
        using var response = await f.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    private static async Task<string> CsvAsync(FetchedDataset data)
    {
        using var s = new MemoryStream();
        await CsvDatasetWriter.WriteAsync(data, s, CancellationToken.None);
        // Row order differs by window; compare as sets of lines.
        return string.Join('\n', System.Text.Encoding.UTF8.GetString(s.ToArray()).Split('\n').Order(StringComparer.Ordinal));
    }

    // name|cell|job|unix → value string, straight from Prometheus's query_range.
    private async Task<Dictionary<string, string>> DirectAsync(string query, long start, long end, int step)
    {
        var data = await f.Prometheus.GetDataAsync($"api/v1/query_range?query={GatewayFixture.Q(query)}&start={start}&end={end}&step={step}");
        var map = new Dictionary<string, string>();
        foreach (var s in data.GetProperty("result").EnumerateArray())
        {
            var m = s.GetProperty("metric");
            string L(string n) => m.TryGetProperty(n, out var v) ? v.GetString()! : "";
            foreach (var v in s.GetProperty("values").EnumerateArray())
            {
                map[$"{L("__name__")}|{L("cell")}|{L("job")}|{v[0].GetDouble().ToString(CultureInfo.InvariantCulture)}"] = v[1].GetString()!;
            }
        }

        return map;
    }
}
