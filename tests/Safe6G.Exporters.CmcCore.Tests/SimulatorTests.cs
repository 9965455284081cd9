using Safe6G.Simulators.Cnc;
using Safe6G.Testing;

namespace Safe6G.Exporters.CmcCore.Tests;

public sealed class SimulatorTests
{
    private static async Task<string> Read(Uri baseAddress, string path) => await Http.Client.GetStringAsync(new Uri(baseAddress, "api/v1.0/" + path));

    private static readonly string[] Paths =
    [
        "network-slice/slice-instance", "cnc-subscriber-management", "cnc-subscriber-management/total-count",
        "cnc-configuration/cnc-subscription-profile", "network-slice/upf-dnn-list",
        "cnc/monitoring-report?report-type=ue-usage&start=2026-01-01T00:00:00Z&end=2027-01-01T00:00:00Z",
        "cnc/monitoring-report?report-type=pdu-sessions", "cnc/monitoring-report?report-type=gnb-status",
    ];

    [Fact]
    public async Task Same_seed_and_clock_give_byte_identical_answers_and_another_seed_differs()
    {
        var clock = new ManualClock(Cores.Start + TimeSpan.FromMinutes(3));
        await using var a = await Cores.StartAsync(120, clock, seed: 11);
        await using var b = await Cores.StartAsync(120, clock, seed: 11);
        await using var c = await Cores.StartAsync(120, clock, seed: 12);
        foreach (var path in Paths)
            Assert.Equal(await Read(a.BaseAddress, path), await Read(b.BaseAddress, path));
        Assert.NotEqual(await Read(a.BaseAddress, Paths[5]), await Read(c.BaseAddress, Paths[5]));
    }

    [Fact]
    public async Task Per_ue_report_form_matches_the_bulk_form()
    {
        var clock = new ManualClock(Cores.Start);
        await using var sim = await Cores.StartAsync(10, clock);
        clock.Advance(TimeSpan.FromMinutes(2));
        const string window = "start=2026-01-01T00:00:00Z&end=2027-01-01T00:00:00Z";
        var bulk = System.Text.Json.JsonDocument.Parse(await Read(sim.BaseAddress, $"cnc/monitoring-report?report-type=ue-usage&{window}")).RootElement.GetProperty("ues")[0];
        var imsi = bulk.GetProperty("imsi").GetString();
        var single = System.Text.Json.JsonDocument.Parse(await Read(sim.BaseAddress, $"cnc/monitoring-report?report-type=ue-usage&tgt_ue={imsi}&{window}")).RootElement;
        Assert.Equal(bulk.GetProperty("total_uplink_bytes").GetDouble(), single.GetProperty("summary").GetProperty("total_uplink_bytes").GetDouble());
    }

    [Fact]
    public async Task Bad_report_requests_get_400_with_a_reason()
    {
        await using var sim = await Cores.StartAsync(3);
        using var unknown = await Http.Client.GetAsync(new Uri(sim.BaseAddress, "api/v1.0/cnc/monitoring-report?report-type=nope"));
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Contains("unknown report-type", await unknown.Content.ReadAsStringAsync());
        using var noWindow = await Http.Client.GetAsync(new Uri(sim.BaseAddress, "api/v1.0/cnc/monitoring-report?report-type=ue-usage"));
        Assert.Equal(400, (int)noWindow.StatusCode);
    }

    [Theory]
    [InlineData(new[] { "--seed", "x" }, "--seed 'x' is not an integer")]
    [InlineData(new[] { "--error-status", "404" }, "errorStatus must be 500 or 503")]
    [InlineData(new[] { "--frobnicate" }, "unknown option '--frobnicate'")]
    [InlineData(new[] { "--scale", "3", "--listen" }, "--listen needs a value")]
    [InlineData(new[] { "--scale", "-1" }, "scale must be within")]
    public void Bad_arguments_are_refused_with_the_reason(string[] args, string reason)
    {
        Assert.False(CncSimulatorArgs.TryParse(args, out _, out var error));
        Assert.Contains(reason, error);
    }
}
