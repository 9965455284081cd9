using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Safe6G.Exporters.Sdk.Http;

namespace Safe6G.Exporters.CmcCore.Cnc;

/// <summary>
/// Polls one CNC API: the list endpoints public clients use (slices, subscribers, profiles, UPF/DNN list) and
/// the monitoring reports, all in parallel. Any endpoint failing fails the poll (cmc_up 0); a bad record is
/// skipped and counted.
/// </summary>
public sealed class CncReader(UpstreamHttpClient http, TimeProvider time)
{
    /// <summary>Endpoint paths below the API base (ran-core.md §5.1).</summary>
    public static class Paths
    {
        /// <summary>Slice instances, <c>{"Data": [...]}</c>.</summary>
        public const string Slices = "network-slice/slice-instance";

        /// <summary><c>{"count": n}</c>.</summary>
        public const string SubscriberCount = "cnc-subscriber-management/total-count";

        /// <summary>Subscriber list.</summary>
        public const string Subscribers = "cnc-subscriber-management";

        /// <summary>Subscription profiles.</summary>
        public const string Profiles = "cnc-configuration/cnc-subscription-profile";

        /// <summary>UPFs and DNNs.</summary>
        public const string UpfDnn = "network-slice/upf-dnn-list";

        /// <summary>Monitoring report ("CNC-15 Performance monitoring data").</summary>
        public const string MonitoringReport = "cnc/monitoring-report";
    }

    /// <summary>Reads everything <paramref name="core"/> asks for from <paramref name="baseUrl"/>.</summary>
    public async Task<CncReading> ReadAsync(CoreConfig core, string baseUrl, CancellationToken cancellationToken)
    {
        var reading = new CncReading();
        var root = baseUrl.TrimEnd('/') + "/";
        var now = time.GetUtcNow();
        var window = $"start={Iso(core.UsageSinceTime)}&end={Iso(now)}";
        var calls = new List<Task>
        {
            Call("slices", Paths.Slices, CncParsers.Slices),
            Call("subscriber_count", Paths.SubscriberCount, CncParsers.SubscriberCount),
            Stream("subscribers", Paths.Subscribers, CncParsers.SubscriberWrappers, CncParsers.Subscriber),
            Call("profiles", Paths.Profiles, CncParsers.Profiles),
            Call("upf_dnn", Paths.UpfDnn, CncParsers.Upfs),
        };
        // Without tgt_ue the report covers every UE (assumed bulk form, see README); the window start is fixed so totals only grow.
        if (core.Reports.UeUsage)
        {
            reading.Usage = [];
            calls.Add(Stream("ue_usage", $"{Paths.MonitoringReport}?report-type=ue-usage&{window}", CncParsers.UsageWrappers, CncParsers.UsageItem));
        }
        if (core.Reports.PduSessions)
            calls.Add(Call("pdu_sessions", $"{Paths.MonitoringReport}?report-type=pdu-sessions&{window}", CncParsers.Sessions));
        if (core.Reports.GnbStatus)
            calls.Add(Call("gnb_status", $"{Paths.MonitoringReport}?report-type=gnb-status", CncParsers.Gnbs));
        await Task.WhenAll(calls).ConfigureAwait(false);
        return reading;

        // The two lists that grow with the number of UEs are read item by item, never as a whole document.
        async Task Stream(string endpoint, string path, string[] wrappers, Action<JsonElement, CncReading> parseItem)
        {
            var started = Stopwatch.GetTimestamp();
            await http.GetAsync(new Uri(root + path), core.Timeout, core.Auth?.Header(), async (stream, ct) =>
            {
                await JsonListStreamer.ReadAsync(stream, wrappers, item => parseItem(item, reading), endpoint, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            lock (reading.Durations)
                reading.Durations[endpoint] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        async Task Call(string endpoint, string path, Action<JsonElement, CncReading> parse)
        {
            var started = Stopwatch.GetTimestamp();
            await http.GetAsync(new Uri(root + path), core.Timeout, core.Auth?.Header(), async (stream, ct) =>
            {
                using var document = await JsonDocument.ParseAsync(stream, default, ct).ConfigureAwait(false);
                parse(document.RootElement, reading);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            lock (reading.Durations)
                reading.Durations[endpoint] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
    }

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
