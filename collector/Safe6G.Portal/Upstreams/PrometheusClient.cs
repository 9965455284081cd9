using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Safe6G.Portal.Upstreams;

/// <summary>
/// Reads the Prometheus HTTP API (query, query_range) from Prometheus, Thanos Query or the gateway. Every
/// failure — refused, timed out, non-2xx, not the API's JSON — comes back as a sentence for the page.
/// </summary>
public sealed class PrometheusClient(HttpClient http, Uri baseUrl, TimeSpan timeout)
{
    /// <summary>Instant query.</summary>
    public Task<Fetched<IReadOnlyList<Series>>> QueryAsync(string promql, string? bearer, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}", bearer, cancellationToken);

    /// <summary>Range query over [now - range, now] at <paramref name="step"/>.</summary>
    public Task<Fetched<IReadOnlyList<Series>>> QueryRangeAsync(string promql, TimeSpan range, TimeSpan step, string? bearer, CancellationToken cancellationToken)
    {
        var end = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var start = end - (long)range.TotalSeconds;
        return GetAsync($"api/v1/query_range?query={Uri.EscapeDataString(promql)}&start={start}&end={end}&step={(int)step.TotalSeconds}",
            bearer, cancellationToken);
    }

    private async Task<Fetched<IReadOnlyList<Series>>> GetAsync(string relative, string? bearer, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, relative));
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        try
        {
            using var response = await http.SendAsync(request, cts.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
            return Parse(body, (int)response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fetched<IReadOnlyList<Series>>.Fail($"Prometheus at {baseUrl} did not answer within {timeout.TotalSeconds:0.#}s");
        }
        catch (HttpRequestException ex)
        {
            return Fetched<IReadOnlyList<Series>>.Fail($"Prometheus at {baseUrl} is unreachable: {ex.Message}");
        }
    }

    private Fetched<IReadOnlyList<Series>> Parse(string body, int status)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var s))
                return Fetched<IReadOnlyList<Series>>.Fail($"Prometheus at {baseUrl} answered {status} without the query API's JSON");
            if (s.GetString() != "success")
            {
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no reason given";
                return Fetched<IReadOnlyList<Series>>.Fail($"Prometheus at {baseUrl} refused the query ({status}): {error}");
            }
            var list = new List<Series>();
            foreach (var item in root.GetProperty("data").GetProperty("result").EnumerateArray())
            {
                var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var p in item.GetProperty("metric").EnumerateObject())
                    labels[p.Name] = p.Value.GetString() ?? "";
                var points = new List<(double, double)>();
                if (item.TryGetProperty("value", out var v))
                    points.Add(Point(v));
                if (item.TryGetProperty("values", out var vs))
                    points.AddRange(vs.EnumerateArray().Select(Point));
                list.Add(new Series(labels, points));
            }
            return new Fetched<IReadOnlyList<Series>>(list, null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Fetched<IReadOnlyList<Series>>.Fail($"Prometheus at {baseUrl} answered {status} with a body that is not the query API's JSON");
        }
    }

    private static (double, double) Point(JsonElement pair) =>
        (pair[0].GetDouble(), double.Parse(pair[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture));
}
