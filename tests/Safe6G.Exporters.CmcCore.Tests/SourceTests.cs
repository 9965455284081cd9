using Safe6G.Testing;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.CmcCore.Tests;

public sealed class SourceTests
{
    [Fact]
    public async Task Subscribers_slices_sessions_usage_and_gnbs_come_out_with_sst_sd_labels()
    {
        var clock = new ManualClock(Cores.Start);
        await using var sim = await Cores.StartAsync(200, clock);
        clock.Advance(TimeSpan.FromMinutes(5));
        var snapshot = await Cores.CollectAsync(Cores.Core(sim), clock);

        Assert.Equal(200, Assert.Single(snapshot.Find("cmc_subscribers")!.Samples).Value);
        var slices = snapshot.Find("cmc_slice_info")!;
        Assert.Equal(4, slices.Samples.Count);
        Assert.Contains(slices.Samples, s => s.LabelValues.SequenceEqual(["lab", "embb-slice", "1", "000001", "00101", "true"]));
        Assert.Contains(slices.Samples, s => s.LabelValues.SequenceEqual(["lab", "default-slice", "1", "", "00101", "true"]));
        Assert.Equal(1000e6 / 8, Cores.Series(snapshot, "cmc_slice_downlink_throughput_limit_bytes_per_second", "slice")["embb-slice"]);
        Assert.Equal(200, Cores.Series(snapshot, "cmc_slice_subscribers", "slice").Values.Sum());

        var sessions = snapshot.Find("cmc_pdu_sessions")!;
        Assert.Equal(["core", "sst", "sd", "dnn"], sessions.LabelNames);
        Assert.InRange(sessions.Samples.Sum(s => s.Value), 1, 200);

        var ul = snapshot.Find("cmc_ue_uplink_bytes_total")!;
        Assert.Equal(MetricType.Counter, ul.Type);
        Assert.InRange(ul.Samples.Count, 150, 200); // ~90 % of the subscribers are active
        Assert.All(ul.Samples, s => Assert.True(s.Value > 0));
        Assert.Equal(ul.Samples.Sum(s => s.Value), snapshot.Find("cmc_slice_uplink_bytes_total")!.Samples.Sum(s => s.Value));

        Assert.Equal(4, snapshot.Find("cmc_gnb_info")!.Samples.Count);
        Assert.Equal(4, snapshot.Find("cmc_gnb_status")!.Samples.Count(s => s.Value == 1));
        Assert.Equal(2, snapshot.Find("cmc_subscription_profile_uplink_ambr_bytes_per_second")!.Samples.Count(s => s.Value > 1e6));
        Assert.Equal(4, snapshot.Find("cmc_upf_dnn_info")!.Samples.Count);
    }

    [Fact]
    public async Task Usage_counters_only_grow_while_time_passes()
    {
        var clock = new ManualClock(Cores.Start);
        await using var sim = await Cores.StartAsync(50, clock);
        var core = Cores.Core(sim);
        Dictionary<string, double>? previous = null;
        for (var step = 0; step < 8; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(37));
            var now = Cores.Series(await Cores.CollectAsync(core, clock), "cmc_ue_downlink_bytes_total", "imsi");
            if (previous is not null)
            {
                Assert.Equal(previous.Keys.Order(), now.Keys.Order());
                Assert.All(now, kv => Assert.True(kv.Value > previous[kv.Key], $"{kv.Key}: {previous[kv.Key]} → {kv.Value}"));
            }
            previous = now;
        }
    }

    [Fact]
    public async Task Per_ue_series_are_bounded_by_max_ues_and_the_rest_still_counts_per_slice()
    {
        var clock = new ManualClock(Cores.Start);
        await using var sim = await Cores.StartAsync(300, clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        var core = Cores.Core(sim);
        var full = await Cores.CollectAsync(core, clock);
        core.PerUe.MaxUes = 25;
        var bounded = await Cores.CollectAsync(core, clock);

        Assert.Equal(25, bounded.Find("cmc_ue_uplink_bytes_total")!.Samples.Count);
        var reporting = Assert.Single(bounded.Find("cmc_ues_reporting_usage")!.Samples).Value;
        Assert.Equal(reporting - 25, Assert.Single(bounded.Find("cmc_ue_series_omitted")!.Samples).Value);
        Assert.Equal(full.Find("cmc_slice_uplink_bytes_total")!.Samples.Sum(s => s.Value), bounded.Find("cmc_slice_uplink_bytes_total")!.Samples.Sum(s => s.Value));

        core.PerUe.Enabled = false;
        var off = await Cores.CollectAsync(core, clock);
        Assert.Empty(off.Find("cmc_ue_uplink_bytes_total")!.Samples);
    }

    [Fact]
    public async Task Key_material_of_subscribers_never_reaches_a_label()
    {
        await using var sim = await Cores.StartAsync(20);
        var snapshot = await Cores.CollectAsync(Cores.Core(sim));
        foreach (var family in snapshot.Families)
        {
            Assert.DoesNotContain(family.LabelNames, l => l is "k" or "opc" or "sqn" or "msisdn");
            Assert.DoesNotContain(family.Samples, s => s.LabelValues.Any(v => v.Contains("465B5CE8", StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task Reports_switched_off_are_not_asked_for()
    {
        await using var sim = await Cores.StartAsync(20);
        var core = Cores.Core(sim);
        core.Reports.UeUsage = false;
        core.Reports.PduSessions = false;
        core.Reports.GnbStatus = false;
        var snapshot = await Cores.CollectAsync(core);
        Assert.Null(snapshot.Find("cmc_ue_uplink_bytes_total"));
        Assert.Null(snapshot.Find("cmc_pdu_sessions"));
        Assert.Null(snapshot.Find("cmc_gnb_info"));
        Assert.Equal(5, snapshot.Find("cmc_api_request_duration_seconds")!.Samples.Count);
    }
}
