using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Testing;

namespace Safe6G.Exporters.Gnb.Tests.Integration;

/// <summary>/probe of the real exporter against the real snmpd gives the values net-snmp's snmpget reads.</summary>
[Collection("snmpd")]
public sealed class ProbeVsNetSnmpTests(SnmpdPair agents, GnbExporterProcess exporter)
{
    private static readonly GnbConfig Shipped = YamlConfigLoader.Parse<GnbConfig>("", "(defaults)");

    [Theory]
    [InlineData("qrtb", "baicells_qrtb", "public_v2")]
    [InlineData("rts", "baicells_rts", "public_v2")]
    [InlineData("qrtb", "baicells_qrtb", "lab_v3")]
    public async Task Every_baicells_sample_equals_snmpget(string layout, string module, string auth)
    {
        var agent = layout == "qrtb" ? agents.Qrtb : agents.Rts;
        var body = await exporter.ProbeAsync(agent.Address, module, auth);
        var samples = Exposition.Parse(body);
        Assert.Equal(1, Exposition.Single(samples, "gnb_up"));

        // Where each sample comes from: the metric's OID plus the cell/cpu index, then whatever the layout adds (.0).
        var walked = await NetSnmp.RunAsync(agent, "snmpbulkwalk", "-v2c", "-c", Snmpd.Community, "-On", "-Ot", agent.Address, "1.3.6.1.4.1.53058");
        var compared = new List<(string Oid, double Expected, double Actual)>();
        foreach (var metric in Shipped.Modules![module].Metrics.Where(m => m.Kind is SnmpValueType.Gauge or SnmpValueType.Counter))
        {
            foreach (var sample in samples.Where(s => s.Name == metric.FamilyName))
            {
                var prefix = metric.ParsedOid!.Value.ToString().TrimStart('.');
                foreach (var index in metric.Indexes)
                    prefix += "." + sample.Labels[index.Labelname];
                var oids = walked.Keys.Where(o => o == prefix || o.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
                Assert.True(oids.Count == 1, $"{metric.Name}{sample.LabelText}: {oids.Count} OIDs under {prefix}");
                compared.Add((oids[0], double.NaN, sample.Value));
            }
        }
        Assert.True(compared.Count >= (layout == "qrtb" ? 30 : 20), $"only {compared.Count} samples compared:\n{body}");

        // One snmpget for all of them: the values net-snmp reads now.
        var got = await NetSnmp.RunAsync(agent, "snmpget", ["-v2c", "-c", Snmpd.Community, "-On", "-Ot", agent.Address, .. compared.Select(c => c.Oid)]);
        foreach (var (oid, _, actual) in compared)
        {
            var metric = Shipped.Modules[module].Metrics.First(m => oid.StartsWith(m.ParsedOid!.Value.ToString().TrimStart('.') + ".", StringComparison.Ordinal));
            var expected = metric.Adjust(NetSnmp.Number(got[oid]));
            Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{metric.Name} ({oid}): snmpget {got[oid]} → {expected}, exporter {actual}");
        }

        // The text objects: the gnb label is lteENodebName as snmpget prints it.
        var text = await NetSnmp.RunAsync(agent, "snmpget", "-v2c", "-c", Snmpd.Community, "-On", agent.Address,
            "1.3.6.1.4.1.53058.140.100.7.0", "1.3.6.1.4.1.53058.100.1.0", "1.3.6.1.4.1.53058.100.3.0");
        var info = samples.Single(s => s.Name == "gnb_info");
        Assert.Equal(NetSnmp.Text(text["1.3.6.1.4.1.53058.140.100.7.0"]), info.Labels["gnb"]);
        Assert.Equal(NetSnmp.Text(text["1.3.6.1.4.1.53058.100.1.0"]), info.Labels["product"]);
        Assert.Equal(NetSnmp.Text(text["1.3.6.1.4.1.53058.100.3.0"]), info.Labels["software_version"]);
        Assert.Contains('"', info.Labels["gnb"]);
    }

    [Fact]
    public async Task Qrtb_cells_are_labelled_and_converted()
    {
        var samples = Exposition.Parse(await exporter.ProbeAsync(agents.Qrtb.Address, "baicells_qrtb"));
        Assert.Equal(17, Exposition.Single(samples, "gnb_cell_connected_ues", ("cell", "1")));
        Assert.Equal(4, Exposition.Single(samples, "gnb_cell_connected_ues", ("cell", "2")));
        Assert.Equal(1, Exposition.Single(samples, "gnb_cell_up", ("cell", "1")));
        Assert.Equal(0, Exposition.Single(samples, "gnb_cell_up", ("cell", "2")));
        Assert.Equal(0.63, Exposition.Single(samples, "gnb_cell_downlink_prb_utilization_ratio", ("cell", "1")), 12);
        Assert.Equal(12_345 * 125, Exposition.Single(samples, "gnb_cell_uplink_throughput_bytes_per_second", ("cell", "1")));
        Assert.Equal(1, Exposition.Single(samples, "gnb_alarm_cell_unavailable"));
        Assert.True(Exposition.Single(samples, "gnb_snmp_packets_sent", ("module", "baicells_qrtb")) >= 6); // six subtrees, walked in parallel
        Assert.True(Exposition.Single(samples, "gnb_snmp_pdus_returned", ("module", "baicells_qrtb")) >= 38);
        Assert.Equal(0, Exposition.Single(samples, "gnb_snmp_packets_retried", ("module", "baicells_qrtb")));
    }

    [Fact]
    public async Task Rts_layout_has_its_scalars_and_indexed_cells()
    {
        var samples = Exposition.Parse(await exporter.ProbeAsync(agents.Rts.Address, "baicells_rts"));
        Assert.Equal(9, Exposition.Single(samples, "gnb_connected_ues"));
        Assert.Equal(0.07, Exposition.Single(samples, "gnb_cell_uplink_prb_utilization_ratio", ("cell", "2")), 12);
        Assert.DoesNotContain(samples, s => s.Name == "gnb_cell_connected_ues");
    }

    [Theory]
    [InlineData("baicells_qrtb")]
    [InlineData("baicells_rts")]
    [InlineData("if_mib")]
    [InlineData("system")]
    public async Task Promtool_finds_nothing_in_our_families(string module)
    {
        var agent = module == "baicells_rts" ? agents.Rts : agents.Qrtb;
        var body = await exporter.ProbeAsync(agent.Address, module);
        Assert.Equal(1, Exposition.Single(Exposition.Parse(body), "gnb_up"));
        var result = await Promtool.CheckMetricsAsync(Promtool.OnlyFamilies(body, "gnb_"));
        Assert.True(result.ExitCode == 0 && result.Problems.Count == 0, $"promtool: {result.Output}\n{body}");
    }

    [Fact]
    public async Task A_module_list_probes_each_module_once_and_serves_their_union()
    {
        static HashSet<string> Keys(IEnumerable<Sample> samples) =>
            [.. samples.Where(s => s.Name != "gnb_up" && s.Name != "gnb_scrape_duration_seconds").Select(s => $"{s.Name}{{{s.LabelText}}}")];
        var qrtb = Exposition.Parse(await exporter.ProbeAsync(agents.Qrtb.Address, "baicells_qrtb"));
        var system = Exposition.Parse(await exporter.ProbeAsync(agents.Qrtb.Address, "system"));
        var body = await exporter.ProbeAsync(agents.Qrtb.Address, "baicells_qrtb,system");
        var both = Exposition.Parse(body);

        Assert.Equal(1, Exposition.Single(both, "gnb_up"));
        Assert.Equal(Keys(qrtb).Union(Keys(system)).Order(StringComparer.Ordinal), Keys(both).Order(StringComparer.Ordinal));
        Assert.Equal(["baicells_qrtb", "system"], both.Where(s => s.Name == "gnb_snmp_walk_duration_seconds").Select(s => s.Labels["module"]).Order(StringComparer.Ordinal));
        var result = await Promtool.CheckMetricsAsync(Promtool.OnlyFamilies(body, "gnb_"));
        Assert.True(result.ExitCode == 0 && result.Problems.Count == 0, $"promtool: {result.Output}\n{body}");

        // Each name is checked: one unknown module in the list is a 400 naming it.
        using var bad = await Http.Client.GetAsync($"{exporter.BaseUrl}/probe?target={agents.Qrtb.Address}&module=system,nope");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Unknown module 'nope'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task If_mib_has_names_from_lookups_and_system_has_sysname()
    {
        var ifs = Exposition.Parse(await exporter.ProbeAsync(agents.Qrtb.Address, "if_mib"));
        var lo = ifs.Single(s => s.Name == "gnb_if_info" && s.Labels["if_name"] == "lo");
        Assert.Equal("lo", lo.Labels["if_descr"]);
        Assert.Equal(1, Exposition.Single(ifs, "gnb_if_oper_status", ("if_name", "lo"), ("state", "up")));
        Assert.Contains(ifs, s => s.Name == "gnb_if_receive_bytes_total" && s.Labels["if_name"] == "lo");

        var system = Exposition.Parse(await exporter.ProbeAsync(agents.Qrtb.Address, "system"));
        var info = system.Single(s => s.Name == "gnb_system_info");
        Assert.Equal("gnb-host-01", info.Labels["name"]);
        Assert.Equal("Lab rack 3", info.Labels["location"]);
        var uptime = await NetSnmp.RunAsync(agents.Qrtb, "snmpget", "-v2c", "-c", Snmpd.Community, "-On", "-Ot", agents.Qrtb.Address, "1.3.6.1.2.1.1.3.0");
        var snmpgetSeconds = NetSnmp.Number(uptime["1.3.6.1.2.1.1.3.0"]) / 100;
        // Both read a moving clock, one after the other: same value within the seconds between the two reads.
        Assert.InRange(Exposition.Single(system, "gnb_system_uptime_seconds"), snmpgetSeconds - 5, snmpgetSeconds + 0.001);
    }
}
