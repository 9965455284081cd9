using System.Globalization;
using Safe6G.Exporters.CmcCore.Cnc;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.CmcCore.Snapshot;

/// <summary>
/// One poll of a core → families. Names follow Prometheus conventions; HELP names the TS 28.552 measurement
/// (or Open5GS metric) each one stands for. Every series carries <c>core</c>, so several cores can share /metrics.
/// </summary>
public static class CoreSnapshotBuilder
{
    /// <summary>gNB states as a state set (anything else the API says is added as its own state).</summary>
    public static readonly string[] GnbStates = ["connected", "disconnected"];

    private const string Unassigned = "unassigned";

    /// <summary>Builds the snapshot for <paramref name="core"/>.</summary>
    public static MetricSnapshot Build(CncReading reading, CoreConfig core)
    {
        var snapshot = new MetricSnapshot();
        var name = core.Name;
        var slices = reading.Slices.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        AddSlices(snapshot, name, reading, slices);
        AddSubscribers(snapshot, name, reading, slices);
        AddProfilesAndUpfs(snapshot, name, reading);
        if (reading.Sessions is { } sessions)
        {
            var family = snapshot.Gauge("cmc_pdu_sessions", "Active PDU sessions per S-NSSAI and DNN (TS 28.552 SM.SessionNbrMean.SNSSAI; Open5GS fivegs_smffunction_sm_sessionnbr).",
                "core", "sst", "sd", "dnn");
            foreach (var s in sessions.GroupBy(s => (s.Sst, s.Sd, s.Dnn)).OrderBy(g => g.Key))
                family.Add(s.Sum(x => x.Sessions), name, Sst(s.Key.Sst), s.Key.Sd, s.Key.Dnn);
        }
        if (reading.Usage is { } usage)
            AddUsage(snapshot, name, usage, reading.Subscribers, slices, core.PerUe);
        if (reading.Gnbs is { } gnbs)
            AddGnbs(snapshot, name, gnbs);

        var duration = snapshot.Gauge("cmc_api_request_duration_seconds", "Time one CNC API endpoint took to answer in this scrape.", "core", "endpoint");
        foreach (var (endpoint, seconds) in reading.Durations.OrderBy(d => d.Key, StringComparer.Ordinal))
            duration.Add(seconds, name, endpoint);
        var skipped = snapshot.Gauge("cmc_records_skipped", "Records of a CNC answer left out of this scrape (missing key or wrong type), by endpoint and reason.",
            "core", "endpoint", "reason");
        foreach (var ((endpoint, reason), count) in reading.Skipped.Counts.OrderBy(c => c.Key))
            skipped.Add(count, name, endpoint, reason);
        return snapshot;
    }

    private static void AddSlices(MetricSnapshot snapshot, string core, CncReading reading, Dictionary<string, Slice> slices)
    {
        var info = snapshot.Info("cmc_slice_info", "Network slice instances configured in the core (S-NSSAI as sst/sd); value 1.",
            "core", "slice", "sst", "sd", "plmn", "active");
        var dl = snapshot.Gauge("cmc_slice_downlink_throughput_limit_bytes_per_second", "Downlink throughput per slice from the service profile (DLThptPerSlice), in bytes/s.",
            "core", "slice", "sst", "sd");
        var ul = snapshot.Gauge("cmc_slice_uplink_throughput_limit_bytes_per_second", "Uplink throughput per slice from the service profile (ULThptPerSlice), in bytes/s.",
            "core", "slice", "sst", "sd");
        foreach (var slice in slices.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            info.Add(1, core, slice.Name, Sst(slice.Sst), slice.Sd, slice.Plmn, slice.Active ? "true" : "false");
            if (slice.DownlinkBitsPerSecond is { } d)
                dl.Add(d / 8, core, slice.Name, Sst(slice.Sst), slice.Sd);
            if (slice.UplinkBitsPerSecond is { } u)
                ul.Add(u / 8, core, slice.Name, Sst(slice.Sst), slice.Sd);
        }
        snapshot.Gauge("cmc_slices", "Network slice instances configured in the core.", "core").Add(slices.Count, core);
    }

    private static void AddSubscribers(MetricSnapshot snapshot, string core, CncReading reading, Dictionary<string, Slice> slices)
    {
        snapshot.Gauge("cmc_subscribers", "Subscribers provisioned in the core (CNC total-count; the UDM subscriber base).", "core")
            .Add(reading.SubscriberCount ?? reading.Subscribers.Count, core);
        var perSlice = snapshot.Gauge("cmc_slice_subscribers", "Subscribers provisioned per slice (subscriber 'slice' field).", "core", "slice", "sst", "sd");
        foreach (var group in reading.Subscribers.GroupBy(s => s.Slice, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (slice, sst, sd) = SliceLabels(group.Key, slices);
            perSlice.Add(group.Count(), core, slice, sst, sd);
        }
    }

    private static void AddProfilesAndUpfs(MetricSnapshot snapshot, string core, CncReading reading)
    {
        var profile = snapshot.Info("cmc_subscription_profile_info", "Subscription (QoS) profiles: DNN and 5QI; value 1.", "core", "profile", "dnn", "fiveqi");
        var ul = snapshot.Gauge("cmc_subscription_profile_uplink_ambr_bytes_per_second", "Session AMBR uplink of a subscription profile, in bytes/s.", "core", "profile");
        var dl = snapshot.Gauge("cmc_subscription_profile_downlink_ambr_bytes_per_second", "Session AMBR downlink of a subscription profile, in bytes/s.", "core", "profile");
        foreach (var p in reading.Profiles.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            profile.Add(1, core, p.Id, p.Dnn, p.FiveQi?.ToString(CultureInfo.InvariantCulture) ?? "");
            if (p.UplinkAmbrBitsPerSecond is { } u)
                ul.Add(u / 8, core, p.Id);
            if (p.DownlinkAmbrBitsPerSecond is { } d)
                dl.Add(d / 8, core, p.Id);
        }
        var upf = snapshot.Info("cmc_upf_dnn_info", "DNNs served by each UPF (upf-dnn-list); value 1.", "core", "upf", "dnn");
        foreach (var u in reading.Upfs.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            foreach (var dnn in u.Dnns.Distinct(StringComparer.Ordinal))
                upf.Add(1, core, u.Id, dnn);
        }
    }

    private static void AddUsage(MetricSnapshot snapshot, string core, List<UeUsage> usage, List<Subscriber> subscribers,
        Dictionary<string, Slice> slices, PerUeSettings perUe)
    {
        var sliceOf = new Dictionary<string, string>(subscribers.Count, StringComparer.Ordinal);
        foreach (var s in subscribers)
            sliceOf.TryAdd(s.Imsi, s.Slice);
        var ordered = usage.DistinctBy(u => u.Imsi, StringComparer.Ordinal).OrderBy(u => u.Imsi, StringComparer.Ordinal).ToList();
        var limit = perUe.Enabled ? Math.Min(perUe.MaxUes, ordered.Count) : 0;
        var ul = snapshot.Add(new MetricFamily("cmc_ue_uplink_bytes_total",
            "Bytes sent by the UE since the start of the report window (CNC monitoring-report ue-usage; TS 28.552 GTP.InDataOctN3UPF per UE).",
            MetricType.Counter, ["core", "imsi"], limit));
        var dl = snapshot.Add(new MetricFamily("cmc_ue_downlink_bytes_total",
            "Bytes received by the UE since the start of the report window (CNC monitoring-report ue-usage; TS 28.552 GTP.OutDataOctN3UPF per UE).",
            MetricType.Counter, ["core", "imsi"], limit));
        var sums = new Dictionary<string, (double Ul, double Dl)>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var u = ordered[i];
            if (i < limit)
            {
                ul.Add(u.UplinkBytes, core, u.Imsi);
                dl.Add(u.DownlinkBytes, core, u.Imsi);
            }
            var slice = sliceOf.GetValueOrDefault(u.Imsi) ?? "";
            var sum = sums.GetValueOrDefault(slice);
            sums[slice] = (sum.Ul + u.UplinkBytes, sum.Dl + u.DownlinkBytes);
        }
        snapshot.Gauge("cmc_ue_series_omitted", "UEs in the usage report without their own cmc_ue_* series (per_ue.max_ues reached or per_ue disabled); they still count in the per-slice sums.",
            "core").Add(ordered.Count - limit, core);
        snapshot.Gauge("cmc_ues_reporting_usage", "UEs present in the usage report.", "core").Add(ordered.Count, core);
        var sliceUl = snapshot.Counter("cmc_slice_uplink_bytes_total", "Uplink bytes of all UEs of a slice since the start of the report window (TS 28.552 GTP.InDataOctN3UPF.SNSSAI).",
            "core", "slice", "sst", "sd");
        var sliceDl = snapshot.Counter("cmc_slice_downlink_bytes_total", "Downlink bytes of all UEs of a slice since the start of the report window (TS 28.552 GTP.OutDataOctN3UPF.SNSSAI).",
            "core", "slice", "sst", "sd");
        foreach (var (key, (u, d)) in sums.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var (slice, sst, sd) = SliceLabels(key, slices);
            sliceUl.Add(u, core, slice, sst, sd);
            sliceDl.Add(d, core, slice, sst, sd);
        }
    }

    private static void AddGnbs(MetricSnapshot snapshot, string core, List<GnbStatus> gnbs)
    {
        var info = snapshot.Info("cmc_gnb_info", "gNBs known to the core's AMF (NG setup done); value 1.", "core", "gnb", "name", "plmn", "tac");
        var ues = snapshot.Gauge("cmc_gnb_connected_ues", "UEs the AMF sees through this gNB (Open5GS ran_ue per gNB).", "core", "gnb");
        foreach (var g in gnbs.DistinctBy(g => g.Id, StringComparer.Ordinal).OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            info.Add(1, core, g.Id, g.Name, g.Plmn, g.Tac);
            var states = Array.IndexOf(GnbStates, g.Status) >= 0 ? GnbStates : [.. GnbStates, g.Status];
            snapshot.StateSet("cmc_gnb_status", "N2 link state of the gNB as seen by the core.", "status", states, g.Status, ["core", "gnb"], [core, g.Id]);
            if (g.ConnectedUes is { } n)
                ues.Add(n, core, g.Id);
        }
        snapshot.Gauge("cmc_gnbs", "gNBs known to the core (Open5GS gnb).", "core").Add(gnbs.Count, core);
    }

    private static (string Slice, string Sst, string Sd) SliceLabels(string sliceName, Dictionary<string, Slice> slices) =>
        slices.TryGetValue(sliceName, out var s) ? (s.Name, Sst(s.Sst), s.Sd) : (sliceName.Length == 0 ? Unassigned : sliceName, "", "");

    private static string Sst(int sst) => sst.ToString(CultureInfo.InvariantCulture);
}
