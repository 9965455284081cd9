using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Safe6G.Testing;

namespace Safe6G.Exporters.Gnb.Tests.Integration;

/// <summary>Dead, silent and mis-authenticated agents give <c>gnb_up 0</c> with a reason, within the deadline.</summary>
[Collection("snmpd")]
public sealed class FaultTests(SnmpdPair agents, GnbExporterProcess exporter)
{
    [Fact]
    public async Task Silent_agent_gives_up_0_within_the_scrape_deadline()
    {
        // A bound socket that never answers: every request times out (the module asks 5s x 4 attempts).
        using var blackhole = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        blackhole.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var target = $"127.0.0.1:{((IPEndPoint)blackhole.LocalEndPoint!).Port}";
        var watch = Stopwatch.StartNew();
        var samples = Exposition.Parse(await exporter.ProbeAsync(target, "baicells_qrtb", scrapeTimeout: 2));
        watch.Stop();
        Assert.Equal(0, Exposition.Single(samples, "gnb_up"));
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("gnb_cell", StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed} for a 2s scrape timeout");
    }

    [Fact]
    public async Task Closed_port_gives_up_0_and_the_exporter_keeps_serving()
    {
        var samples = Exposition.Parse(await exporter.ProbeAsync($"127.0.0.1:{Snmpd.FreeUdpPort()}", "system", scrapeTimeout: 3));
        Assert.Equal(0, Exposition.Single(samples, "gnb_up"));
        var healthy = Exposition.Parse(await exporter.ProbeAsync(agents.Qrtb.Address, "system"));
        Assert.Equal(1, Exposition.Single(healthy, "gnb_up"));
    }

    [Fact]
    public async Task Wrong_v3_password_is_an_auth_error_and_unknown_auth_is_named()
    {
        var samples = Exposition.Parse(await exporter.ProbeAsync(agents.Qrtb.Address, "system", auth: "wrong_v3", scrapeTimeout: 5));
        Assert.Equal(0, Exposition.Single(samples, "gnb_up"));
        var metrics = Exposition.Parse(await Http.Client.GetStringAsync($"{exporter.BaseUrl}/metrics"));
        Assert.Contains(metrics, s => s.Name == "gnb_upstream_errors_total" && s.Labels["reason"] == "auth" && s.Value >= 1);

        // An auth the file does not define is the scrape job's mistake: 400 naming it, as snmp_exporter answers.
        using var unknown = await Http.Client.GetAsync($"{exporter.BaseUrl}/probe?target={agents.Qrtb.Address}&module=system&auth=nope");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Unknown auth 'nope'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_target_and_unknown_module_are_told_apart()
    {
        var bad = Exposition.Parse(await exporter.ProbeAsync("127.0.0.1:notaport", "system"));
        Assert.Equal(0, Exposition.Single(bad, "gnb_up"));
        using var response = await Http.Client.GetAsync($"{exporter.BaseUrl}/probe?target={agents.Qrtb.Address}&module=nope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown module 'nope'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
