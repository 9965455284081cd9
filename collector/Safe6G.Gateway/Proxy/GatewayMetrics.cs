using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Safe6G.Gateway.Proxy;

/// <summary>The gateway's own instruments (exported on /metrics by the SDK's OpenTelemetry Prometheus exporter).</summary>
public sealed class GatewayMetrics : IDisposable
{
    /// <summary>Meter name to register with <c>AddServiceMetrics</c>.</summary>
    public const string MeterName = "Safe6G.Gateway";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _upstream;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _datasetSamples;

    /// <summary>Creates the instruments.</summary>
    public GatewayMetrics()
    {
        _requests = _meter.CreateCounter<long>("safe6g_gateway_requests", description: "Requests handled, by route, tenant and status code.");
        _upstream = _meter.CreateHistogram<double>("safe6g_gateway_upstream_duration", unit: "s", description: "Time until the upstream answered headers, by upstream and route.");
        _rejected = _meter.CreateCounter<long>("safe6g_gateway_rejected_queries", description: "Queries refused before reaching an upstream, by route and reason.");
        _datasetSamples = _meter.CreateCounter<long>("safe6g_gateway_dataset_samples", description: "Samples written by dataset exports, by tenant.");
    }

    /// <summary>Counts a finished request.</summary>
    public void Request(string route, string tenant, int status) =>
        _requests.Add(1, new TagList { { "route", route }, { "tenant", tenant }, { "code", status.ToString(System.Globalization.CultureInfo.InvariantCulture) } });

    /// <summary>Records an upstream round trip (to headers).</summary>
    public void Upstream(string upstream, string route, TimeSpan elapsed, string outcome) =>
        _upstream.Record(elapsed.TotalSeconds, new TagList { { "upstream", upstream }, { "route", route }, { "outcome", outcome } });

    /// <summary>Counts a refused query.</summary>
    public void Rejected(string route, string reason) => _rejected.Add(1, new TagList { { "route", route }, { "reason", reason } });

    /// <summary>Counts exported samples.</summary>
    public void DatasetSamples(string tenant, long samples) => _datasetSamples.Add(samples, new TagList { { "tenant", tenant } });

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
