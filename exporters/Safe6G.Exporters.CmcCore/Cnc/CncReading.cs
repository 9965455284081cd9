namespace Safe6G.Exporters.CmcCore.Cnc;

/// <summary>Everything one poll of a CNC API returned, parsed; null lists are reports that were switched off.</summary>
public sealed class CncReading
{
    /// <summary>Slice instances.</summary>
    public List<Slice> Slices { get; } = [];

    /// <summary>Subscribers as counted by the API (<c>total-count</c>).</summary>
    public double? SubscriberCount { get; set; }

    /// <summary>Provisioned subscribers.</summary>
    public List<Subscriber> Subscribers { get; } = [];

    /// <summary>Subscription profiles.</summary>
    public List<SubscriptionProfile> Profiles { get; } = [];

    /// <summary>UPFs and their DNNs.</summary>
    public List<Upf> Upfs { get; } = [];

    /// <summary>Per-UE usage; null when the report is off.</summary>
    public List<UeUsage>? Usage { get; set; }

    /// <summary>Sessions per S-NSSAI/DNN; null when the report is off.</summary>
    public List<SessionCount>? Sessions { get; set; }

    /// <summary>gNBs; null when the report is off.</summary>
    public List<GnbStatus>? Gnbs { get; set; }

    /// <summary>Seconds each endpoint took.</summary>
    public Dictionary<string, double> Durations { get; } = new(StringComparer.Ordinal);

    /// <summary>Records left out.</summary>
    public SkipTally Skipped { get; } = new();
}
