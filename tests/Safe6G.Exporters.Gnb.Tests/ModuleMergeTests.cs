using Safe6G.Exporters.Gnb.Collect;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Gnb.Tests;

public sealed class ModuleMergeTests
{
    [Fact]
    public void A_series_both_modules_produce_is_kept_once_from_the_first_module()
    {
        var a = new MetricSnapshot();
        a.Gauge("gnb_system_uptime_seconds", "Uptime.").Add(100);
        a.Gauge("gnb_cell_connected_ues", "UEs.", "cell").Add(17, "1");
        var b = new MetricSnapshot();
        b.Gauge("gnb_system_uptime_seconds", "Uptime.").Add(101);
        b.Gauge("gnb_cell_connected_ues", "UEs.", "cell").Add(4, "2");

        var merged = ModuleMerge.Merge(["a", "b"], [a, b]);
        var uptime = Assert.Single(merged.Find("gnb_system_uptime_seconds")!.Samples);
        Assert.Equal(100, uptime.Value);
        Assert.Equal([17.0, 4.0], merged.Find("gnb_cell_connected_ues")!.Samples.Select(s => s.Value));
    }

    [Fact]
    public void The_same_name_with_other_labels_fails_the_probe_naming_both_modules()
    {
        var a = new MetricSnapshot();
        a.Gauge("gnb_cell_connected_ues", "UEs.", "cell").Add(17, "1");
        var b = new MetricSnapshot();
        b.Gauge("gnb_cell_connected_ues", "UEs.", "cell", "plmn").Add(4, "2", "00101");

        var ex = Assert.Throws<UpstreamException>(() => ModuleMerge.Merge(["baicells_qrtb", "mine"], [a, b]));
        Assert.Equal("config", ex.Reason);
        Assert.Contains("'baicells_qrtb' and 'mine'", ex.Message, StringComparison.Ordinal);
    }
}
