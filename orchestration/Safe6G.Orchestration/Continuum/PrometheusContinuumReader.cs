using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Safe6G.Orchestration.Continuum;

/// <summary>
/// Reads IE state from a Prometheus-API endpoint (Prometheus or Thanos Query): one instant query for every
/// Data Fabric IE series, bounded by a timeout so a slow or dead Prometheus never hangs a request.
/// </summary>
public sealed class PrometheusContinuumReader(HttpClient http, Uri baseUrl, TimeSpan timeout) : IContinuumReader
{
    private const string P = "datafabric_infrastructure_element_";

    /// <summary>One selector for every family the allocator uses, so all values come from the same evaluation instant.</summary>
    /// <summary>Only the status series that is 1 is fetched: five of six state-set series would be thrown away.</summary>
    public const string Query = "{__name__=~\"" + P + "(info|cpu_cores|cpu_usage_ratio|ram_capacity_bytes|ram_available_bytes"
        + "|power_watts|power_average_watts|energy_efficiency_ratio|trust_score|realtime_capable)\"} or " + P + "status == 1";

    public Uri BaseUrl { get; } = baseUrl;

    public async Task<ContinuumSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var url = new Uri(BaseUrl, $"api/v1/query?query={Uri.EscapeDataString(Query)}");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cts.Token).ConfigureAwait(false);
            var root = document.RootElement;
            if (!response.IsSuccessStatusCode || root.GetProperty("status").GetString() != "success")
            {
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
                throw new ContinuumReadException($"Prometheus at {BaseUrl} answered {(int)response.StatusCode}: {error ?? "no error text"}");
            }
            return Parse(root.GetProperty("data").GetProperty("result"), DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ContinuumReadException($"Prometheus at {BaseUrl} did not answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            throw new ContinuumReadException($"cannot reach Prometheus at {BaseUrl}: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new ContinuumReadException($"Prometheus at {BaseUrl} sent a body that is not the query API's JSON: {ex.Message}", ex);
        }
        catch (KeyNotFoundException ex)
        {
            throw new ContinuumReadException($"Prometheus at {BaseUrl} sent JSON without data.result: {ex.Message}", ex);
        }
    }

    /// <summary>Builds IE states from a vector result (exposed for tests and the benchmark).</summary>
    internal static ContinuumSnapshot Parse(JsonElement result, DateTimeOffset readAt)
    {
        var ies = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var series in result.EnumerateArray())
        {
            var metric = series.GetProperty("metric");
            if (!metric.TryGetProperty("__name__", out var nameElement) || !metric.TryGetProperty("ie", out var ieElement))
                continue;
            var name = nameElement.GetString()!;
            var ie = ieElement.GetString()!;
            var domain = metric.TryGetProperty("domain", out var d) ? d.GetString() ?? "" : "";
            if (!double.TryParse(series.GetProperty("value")[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
                continue;
            if (!ies.TryGetValue(ie, out var b))
                ies[ie] = b = new Builder { Id = ie, Domain = domain };
            switch (name[P.Length..])
            {
                case "info":
                    b.Hostname = Label(metric, "hostname");
                    b.Tier = Label(metric, "tier");
                    b.Architecture = Label(metric, "cpu_architecture");
                    b.ContainerTechnology = Label(metric, "container_technology");
                    b.LowLevelOrchestrator = Label(metric, "low_level_orchestrator");
                    if (b.Domain.Length == 0) b.Domain = domain;
                    break;
                case "status":
                    if (value == 1 && metric.TryGetProperty("status", out var s)) b.Status = s.GetString();
                    break;
                case "cpu_cores": b.CpuCores = value; break;
                case "cpu_usage_ratio": b.CpuUsage = value; break;
                case "ram_capacity_bytes": b.RamCapacity = value; break;
                case "ram_available_bytes": b.RamAvailable = value; break;
                case "power_watts": b.Power = value; break;
                case "power_average_watts": b.PowerAverage = value; break;
                case "energy_efficiency_ratio": b.Efficiency = value; break;
                case "trust_score": b.Trust = value; break;
                case "realtime_capable": b.Realtime = value >= 0.5; break;
            }
        }
        var list = ies.Values.OrderBy(b => b.Id, StringComparer.Ordinal).Select(b => b.Build()).ToList();
        return new ContinuumSnapshot(list, readAt);
    }

    private static string Label(JsonElement metric, string name) => metric.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";

    private sealed class Builder
    {
        public required string Id;
        public required string Domain;
        public string Hostname = "", Tier = "", Architecture = "", ContainerTechnology = "", LowLevelOrchestrator = "";
        public string? Status;
        public double? CpuCores, CpuUsage, RamCapacity, RamAvailable, Power, PowerAverage, Efficiency, Trust;
        public bool? Realtime;

        public IeState Build() => new()
        {
            Id = Id,
            Domain = Domain,
            Hostname = Hostname,
            Tier = Tier,
            Architecture = Architecture,
            ContainerTechnology = ContainerTechnology,
            LowLevelOrchestrator = LowLevelOrchestrator,
            Status = Status,
            CpuCores = CpuCores,
            CpuUsage = CpuUsage,
            RamCapacityBytes = RamCapacity,
            RamAvailableBytes = RamAvailable,
            PowerWatts = Power,
            PowerAverageWatts = PowerAverage,
            EnergyEfficiency = Efficiency,
            TrustScore = Trust,
            Realtime = Realtime,
        };
    }
}
