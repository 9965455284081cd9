using System.Globalization;
using System.Net;
using System.Text;
using Safe6G.Gateway.Datasets;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>Runs alone: it reads the process's live heap, which tests running beside it would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuringCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "heap-measuring";
}

/// <summary>
/// The dataset export's memory is flat in the range length: samples go to a disk spool as each window is parsed, so
/// what stays in memory is per series, never per sample. Measured on a dense source (every step of every series has a
/// value), which the fixture's Prometheus does not hold for 30 days.
/// </summary>
[Collection(HeapMeasuringCollection.Name)]
public sealed class DatasetMemoryTests
{
    private const int SeriesCount = 20;

    [Fact]
    public async Task A_dense_thirty_day_export_at_15s_keeps_the_same_live_heap_as_a_three_day_one()
    {
        var (threeDays, samples3) = await LiveHeapGrowthAsync(days: 3);
        var (thirtyDays, samples30) = await LiveHeapGrowthAsync(days: 30);

        Assert.Equal(SeriesCount * 17_281L, samples3);
        Assert.Equal(SeriesCount * 172_801L, samples30);
        // Held in memory, 3.46M samples would be at least 3.46M × 20 bytes = 69 MB.
        Assert.True(thirtyDays < 16 * 1024 * 1024, $"30 days: live heap grew by {thirtyDays:N0} bytes");
        Assert.True(Math.Abs(thirtyDays - threeDays) < 8 * 1024 * 1024, $"3 days: +{threeDays:N0} bytes, 30 days: +{thirtyDays:N0} bytes");
    }

    private static async Task<(long Growth, long Samples)> LiveHeapGrowthAsync(int days)
    {
        const long End = 1_796_000_000;
        using var http = new HttpClient(new DenseMatrixHandler());
        var client = new RangeQueryClient(http, "http://source.invalid");
        var request = new DatasetRequest("dense", DateTimeOffset.FromUnixTimeSeconds(End - (days * 86_400L)), DateTimeOffset.FromUnixTimeSeconds(End), TimeSpan.FromSeconds(15));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var data = await DatasetExporter.FetchAsync(client, request, 11_000, null, CancellationToken.None);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.All(data.Series.All, s => Assert.Equal(0, s.MissingSteps));
        return (after - before, data.Samples.Count);
    }

    // A Prometheus query_range answer with a value at every step of [start, end] for each series.
    private sealed class DenseMatrixHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&')
                .Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            var start = decimal.Parse(form["start"], CultureInfo.InvariantCulture);
            var end = decimal.Parse(form["end"], CultureInfo.InvariantCulture);
            var step = decimal.Parse(form["step"], CultureInfo.InvariantCulture);
            var json = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
            for (var s = 0; s < SeriesCount; s++)
            {
                json.Append(s == 0 ? "" : ",").Append("{\"metric\":{\"__name__\":\"dense\",\"cell\":\"c").Append(s).Append("\"},\"values\":[");
                for (var t = start; t <= end; t += step)
                    json.Append(t == start ? "" : ",").Append('[').Append(t.ToString(CultureInfo.InvariantCulture)).Append(",\"").Append(s + 0.5).Append("\"]");
                json.Append("]}");
            }
            json.Append("]}}");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json.ToString(), Encoding.UTF8, "application/json") };
        }
    }
}
