using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Testing;

namespace Safe6G.Exporters.Gnb.Tests.Integration;

/// <summary>
/// Same snmpd, same modules: our exporter and prometheus-snmp-exporter 0.21 give the same value and the same
/// index/lookup labels for every OID (0.21 has no scale/offset, so its raw value is scaled here).
/// </summary>
[Collection("snmpd")]
public sealed class SideBySideTests(SnmpdPair agents, GnbExporterProcess exporter)
{
    private static readonly GnbConfig Shipped = YamlConfigLoader.Parse<GnbConfig>("", "(defaults)");

    // Objects that move between two reads: counters and uptime only grow, so snmp_exporter's read, taken between two
    // of ours, must lie between them; free memory and CPU load go both ways and are compared for presence and labels.
    private static bool Grows(MetricConfig m) => m.Kind == SnmpValueType.Counter || m.Name is "gnb_system_uptime_seconds";

    private static bool Wanders(MetricConfig m) => m.Name is "gnb_system_memory_available_bytes" or "gnb_system_cpu_load_ratio";

    [Theory]
    [InlineData("baicells_qrtb", "qrtb")]
    [InlineData("baicells_rts", "rts")]
    [InlineData("if_mib", "qrtb")]
    [InlineData("system", "qrtb")]
    public async Task Same_values_as_snmp_exporter_0_21(string module, string layout)
    {
        var agent = layout == "qrtb" ? agents.Qrtb : agents.Rts;
        await using var theirs = await SnmpExporter021.StartAsync(Shipped.Modules!, Snmpd.Community);
        var before = Exposition.Parse(await exporter.ProbeAsync(agent.Address, module));
        var reference = Exposition.Parse(await Http.Client.GetStringAsync($"{theirs.BaseUrl}/snmp?target={agent.Address}&module={module}"));
        var ours = Exposition.Parse(await exporter.ProbeAsync(agent.Address, module));
        Assert.Equal(1, Exposition.Single(ours, "gnb_up"));
        Assert.Equal(1, Exposition.Single(before, "gnb_up"));

        var metrics = Shipped.Modules![module].Metrics;
        var compared = 0;
        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i];
            var theirName = metric.Kind == SnmpValueType.EnumAsInfo ? SnmpExporter021.NameOf(i) + "_info" : SnmpExporter021.NameOf(i);
            var expected = reference.Where(s => s.Name == theirName)
                .Select(s => (Labels: Rename(s, SnmpExporter021.NameOf(i), metric.ValueLabelName), s.Value))
                .ToDictionary(s => s.Labels, s => s.Value);
            // Scalar lookups (labels: []) are ours only: 0.21 drops such labels, newer snmp_exporters have them.
            var scalarLookups = metric.Lookups.Where(l => l.Labels.Count == 0).Select(l => l.Labelname).ToHashSet();
            Dictionary<string, double> Ours(IEnumerable<Sample> samples) => samples.Where(s => s.Name == metric.FamilyName)
                .Select(s => new Sample(s.Name, s.Labels.Where(l => !scalarLookups.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value), s.Value))
                .ToDictionary(s => s.LabelText, s => s.Value);
            var actual = Ours(ours);
            var earlier = Ours(before);
            Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
                $"{module}/{metric.Name}: series differ\n snmp_exporter: {string.Join(" | ", expected.Keys)}\n ours: {string.Join(" | ", actual.Keys)}");
            foreach (var (labels, raw) in expected)
            {
                if (Wanders(metric))
                    continue;
                var want = metric.Kind is SnmpValueType.Gauge or SnmpValueType.Counter or SnmpValueType.Float ? metric.Adjust(raw) : raw;
                var slack = 1e-9 * Math.Max(1, Math.Abs(want));
                if (Grows(metric))
                {
                    Assert.True(earlier.TryGetValue(labels, out var low), $"{module}/{metric.Name}{{{labels}}}: missing from our first read");
                    Assert.True(low - slack <= want && want <= actual[labels] + slack,
                        $"{module}/{metric.Name}{{{labels}}}: snmp_exporter {raw} (→ {want}) not between our reads {low} and {actual[labels]}");
                }
                else
                {
                    Assert.True(Math.Abs(want - actual[labels]) <= slack,
                        $"{module}/{metric.Name}{{{labels}}}: snmp_exporter {raw} (→ {want}), ours {actual[labels]}");
                }
                compared++;
            }
        }
        Assert.True(compared >= (module == "system" ? 2 : 10), $"only {compared} values compared");
    }

    // snmp_exporter names the text label after the metric; we may name it otherwise (value_label).
    private static string Rename(Sample sample, string theirLabel, string? ourLabel)
    {
        var labels = sample.Labels.ToDictionary(l => l.Key == theirLabel && ourLabel is not null ? ourLabel : l.Key, l => l.Value);
        return new Sample(sample.Name, labels, sample.Value).LabelText;
    }
}
