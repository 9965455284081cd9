using Safe6G.Exporters.CmcCore.Sink;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Http;

namespace Safe6G.Exporters.CmcCore;

/// <summary>Config of the CMC exporter: the Cumucore CNC APIs to poll and the optional MongoDB sink.</summary>
public sealed class CmcConfig : ExporterConfig
{
    /// <summary>The cores; each becomes a source on /metrics and a module for /probe.</summary>
    public List<CoreConfig> Cores { get; set; } = [];

    /// <summary>Optional MongoDB tabular sink for every poll's snapshot; null disables it.</summary>
    public MongoSinkConfig? Mongodb { get; set; }

    /// <inheritdoc />
    public override void Validate(ConfigValidationContext context)
    {
        base.Validate(context);
        context.Require(Cores.Count > 0, "cores", "at least one core is required");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Cores.Count; i++)
        {
            context.Validate($"cores[{i}]", Cores[i]);
            if (!names.Add(Cores[i].Name))
                context.Error($"cores[{i}].name", $"duplicate core name '{Cores[i].Name}'");
        }
        context.Validate("mongodb", Mongodb);
    }
}

/// <summary>
/// One Cumucore CNC API and how to read it: <c>url</c> is the API base, e.g. https://172.29.19.2:3000/api/v1.0; the CNC
/// serves a self-signed certificate by default, so give its CA under <c>tls</c> or opt out there explicitly.
/// </summary>
public sealed class CoreConfig : HttpApiSettings
{
    /// <summary>Per-UE usage counters and their cardinality bound.</summary>
    public PerUeSettings PerUe { get; set; } = new();

    /// <summary>Which monitoring reports to read (switch off those a CNC release does not serve).</summary>
    public ReportSettings Reports { get; set; } = new();

    /// <summary>Start of the usage window asked from the monitoring report; fixed so the totals only grow (counters).</summary>
    public string UsageSince { get; set; } = "1970-01-01T00:00:00Z";

    /// <summary><see cref="UsageSince"/> parsed (valid after validation).</summary>
    public DateTimeOffset UsageSinceTime =>
        DateTimeOffset.TryParse(UsageSince, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? t : DateTimeOffset.UnixEpoch;

    /// <inheritdoc />
    public override void Validate(ConfigValidationContext context)
    {
        base.Validate(context);
        context.Require(DateTimeOffset.TryParse(UsageSince, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out _), "usage_since", "must be an ISO 8601 time, e.g. 2026-01-01T00:00:00Z");
        context.Validate("per_ue", PerUe);
    }
}

/// <summary>Per-UE series: on or off, and at most how many UEs get their own series.</summary>
public sealed class PerUeSettings : IValidatableConfig
{
    /// <summary>Export <c>cmc_ue_*_bytes_total{imsi}</c>. Per-slice sums are exported either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>UEs with their own series (2 each); the rest only count in the per-slice sums and in cmc_ue_series_omitted.</summary>
    public int MaxUes { get; set; } = 10_000;

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context) =>
        context.Require(MaxUes is >= 0 and <= 100_000, "max_ues", "must be between 0 and 100000 (2 series per UE)");
}

/// <summary>The CNC monitoring reports the exporter asks for.</summary>
public sealed class ReportSettings
{
    /// <summary><c>report-type=ue-usage</c>: per-UE uplink/downlink bytes.</summary>
    public bool UeUsage { get; set; } = true;

    /// <summary><c>report-type=pdu-sessions</c>: active PDU sessions per S-NSSAI and DNN (assumed shape, see README).</summary>
    public bool PduSessions { get; set; } = true;

    /// <summary><c>report-type=gnb-status</c>: gNBs connected to the AMF (assumed shape, see README).</summary>
    public bool GnbStatus { get; set; } = true;
}
