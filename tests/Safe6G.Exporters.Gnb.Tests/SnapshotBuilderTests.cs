using Safe6G.Exporters.Gnb.Collect;
using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Tests;

public sealed class SnapshotBuilderTests
{
    private static ModulePlan Plan(string metricsYaml, string walk = "1.3.6")
    {
        var config = YamlConfigLoader.Parse<GnbConfig>($"""
            modules:
              m:
                walk: [{walk}]
                metrics:
            {metricsYaml}
            """, "t.yml");
        return new ModulePlan("m", config.Modules!["m"]);
    }

    private static VarBind V(string oid, SnmpValue value) => new(Oid.Parse(oid), value);

    private static List<(string[] Labels, double Value)> Samples(SnapshotBuilder.Result result, string family)
    {
        var f = result.Snapshot.Find(family);
        Assert.True(f is not null, $"family {family} missing; have {string.Join(",", result.Snapshot.Families.Select(x => x.Name))}");
        return [.. f!.Samples.Select(s => (s.LabelValues, s.Value))];
    }

    [Fact]
    public void Regex_extracts_turn_a_string_into_gauges_first_matching_rule_wins_and_the_string_is_not_served()
    {
        var plan = Plan("""
                  - name: gnb_cell_temperature
                    oid: 1.3.6.1.4.1.53058.500.1
                    type: DisplayString
                    indexes: [{labelname: cell, type: gauge}]
                    regex_extracts:
                      _celsius: [{regex: '(-?[0-9.]+) ?C'}, {regex: '(-?[0-9.]+) ?C .*', value: '${1}'}]
                      _alarm: [{regex: 'nope', value: '7'}, {regex: '.*ALARM.*', value: '1'}, {regex: '.*', value: '0'}]
                      _broken: [{regex: '(.*)', value: 'x$1'}]
            """);
        var result = SnapshotBuilder.Build(plan, [
            V("1.3.6.1.4.1.53058.500.1.1", SnmpValue.OctetString("42.5 C")),
            V("1.3.6.1.4.1.53058.500.1.2", SnmpValue.OctetString("-3C ALARM")),
            V("1.3.6.1.4.1.53058.500.1.3", SnmpValue.OctetString("sensor missing")),
        ], false);

        // Regexes are anchored: "-3C ALARM" misses the first rule and is caught by the second.
        Assert.Equal([(["1"], 42.5), (["2"], -3.0)], Samples(result, "gnb_cell_temperature_celsius").Select(s => (s.Labels, s.Value)));
        Assert.Equal([(["1"], 0.0), (["2"], 1.0), (["3"], 0.0)], Samples(result, "gnb_cell_temperature_alarm").Select(s => (s.Labels, s.Value)));
        // No rule gives a number ("x…" does not parse): no family at all, as snmp_exporter does.
        Assert.Null(result.Snapshot.Find("gnb_cell_temperature_broken"));
        Assert.Null(result.Snapshot.Find("gnb_cell_temperature"));
        Assert.Equal(MetricType.Gauge, result.Snapshot.Find("gnb_cell_temperature_celsius")!.Type);
    }

    [Fact]
    public void Gauge_scale_offset_and_cell_index()
    {
        var plan = Plan("""
                  - {name: gnb_cell_uplink_prb_utilization_ratio, oid: 1.3.6.1.4.1.53058.190.9, type: gauge, scale: 0.01, offset: 0.5, indexes: [{labelname: cell, type: gauge}]}
            """);
        var result = SnapshotBuilder.Build(plan, [
            V("1.3.6.1.4.1.53058.190.9.1.0", SnmpValue.Integer(42)),
            V("1.3.6.1.4.1.53058.190.9.2.0", SnmpValue.Integer(-7)),
        ], wrapLargeCounters: false);
        var samples = Samples(result, "gnb_cell_uplink_prb_utilization_ratio");
        Assert.Equal(["cell"], result.Snapshot.Find("gnb_cell_uplink_prb_utilization_ratio")!.LabelNames);
        Assert.Equal(["1", "2"], samples.Select(s => s.Labels[0]));
        Assert.Equal(42 * 0.01 + 0.5, samples[0].Value, 12);
        Assert.Equal(-7 * 0.01 + 0.5, samples[1].Value, 12);
    }

    [Fact]
    public void Counter64_is_kept_or_wrapped_at_2_pow_53()
    {
        var plan = Plan("""
                  - {name: x_bytes_total, oid: 1.3.6.1.2.1.31.1.1.1.6, type: counter, indexes: [{labelname: if_index, type: gauge}]}
            """);
        var big = (1UL << 53) + 12345UL;
        var kept = SnapshotBuilder.Build(plan, [V("1.3.6.1.2.1.31.1.1.1.6.3", SnmpValue.Counter64(big))], false);
        var wrapped = SnapshotBuilder.Build(plan, [V("1.3.6.1.2.1.31.1.1.1.6.3", SnmpValue.Counter64(big))], true);
        Assert.Equal(MetricType.Counter, kept.Snapshot.Find("x_bytes_total")!.Type);
        Assert.Equal((double)big, Samples(kept, "x_bytes_total")[0].Value);
        Assert.Equal(12345d, Samples(wrapped, "x_bytes_total")[0].Value);
    }

    [Fact]
    public void Every_numeric_smi_type_becomes_its_number()
    {
        var plan = Plan("""
                  - {name: v, oid: 1.3.6.1.4.1.9, type: gauge, indexes: [{labelname: i, type: gauge}]}
            """);
        var result = SnapshotBuilder.Build(plan, [
            V("1.3.6.1.4.1.9.1", SnmpValue.Integer(int.MinValue)),
            V("1.3.6.1.4.1.9.2", SnmpValue.Counter32(uint.MaxValue)),
            V("1.3.6.1.4.1.9.3", SnmpValue.Gauge32(7)),
            V("1.3.6.1.4.1.9.4", SnmpValue.TimeTicks(123456789)),
            V("1.3.6.1.4.1.9.5", SnmpValue.OpaqueFloat(1.5f)),
            V("1.3.6.1.4.1.9.6", SnmpValue.OpaqueDouble(-2.25)),
            V("1.3.6.1.4.1.9.7", SnmpValue.OctetString("12.5")),
            V("1.3.6.1.4.1.9.8", SnmpValue.OctetString("not a number")),
            V("1.3.6.1.4.1.9.9", SnmpValue.NoSuchInstance),
        ], false);
        var values = Samples(result, "v").ToDictionary(s => s.Labels[0], s => s.Value);
        Assert.Equal(int.MinValue, values["1"]);
        Assert.Equal(uint.MaxValue, values["2"]);
        Assert.Equal(7, values["3"]);
        Assert.Equal(123456789, values["4"]);
        Assert.Equal(1.5, values["5"]);
        Assert.Equal(-2.25, values["6"]);
        Assert.Equal(12.5, values["7"]);
        Assert.False(values.ContainsKey("8"));
        Assert.False(values.ContainsKey("9"));
    }

    [Fact]
    public void String_indexes_decode_like_snmp_exporter()
    {
        var plan = Plan("""
                  - {name: s, oid: 1.3.6.1.4.1.1.1, type: gauge, indexes: [{labelname: name, type: DisplayString}, {labelname: raw, type: OctetString, fixed_size: 2}, {labelname: mac, type: PhysAddress48}, {labelname: ip, type: InetAddressIPv4}, {labelname: rest, type: DisplayString, implied: true}]}
            """);
        var result = SnapshotBuilder.Build(plan,
            [V("1.3.6.1.4.1.1.1.3.97.98.99.255.1.0.17.34.51.68.85.10.0.0.1.120.121", SnmpValue.Integer(5))], false);
        var sample = Assert.Single(Samples(result, "s"));
        Assert.Equal(["abc", "0xFF01", "00:11:22:33:44:55", "10.0.0.1", "xy"], sample.Labels);
    }

    [Fact]
    public void Missing_index_arcs_read_as_zero()
    {
        var plan = Plan("""
                  - {name: s, oid: 1.3.6.1.4.1.1.1, type: gauge, indexes: [{labelname: a, type: gauge}, {labelname: b, type: gauge}]}
            """);
        var sample = Assert.Single(Samples(SnapshotBuilder.Build(plan, [V("1.3.6.1.4.1.1.1.4", SnmpValue.Integer(1))], false), "s"));
        Assert.Equal(["4", "0"], sample.Labels);
    }

    [Fact]
    public void Lookups_add_labels_from_walked_columns_and_scalars()
    {
        var plan = Plan("""
                  - name: gnb_if_receive_bytes_total
                    oid: 1.3.6.1.2.1.31.1.1.1.6
                    type: counter
                    indexes: [{labelname: if_index, type: gauge}]
                    lookups:
                      - {labels: [if_index], labelname: if_name, oid: 1.3.6.1.2.1.31.1.1.1.1, type: DisplayString}
                      - {labels: [if_index], labelname: if_mac, oid: 1.3.6.1.2.1.2.2.1.6, type: PhysAddress48}
                      - {labels: [], labelname: gnb, oid: 1.3.6.1.2.1.1.5.0, type: DisplayString}
            """);
        var result = SnapshotBuilder.Build(plan, [
            V("1.3.6.1.2.1.1.5.0", SnmpValue.OctetString("gnb-7")),
            V("1.3.6.1.2.1.2.2.1.6.1", SnmpValue.OctetString([0, 0x1b, 0x21, 0xaa, 0xbb, 0xcc])),
            V("1.3.6.1.2.1.31.1.1.1.1.1", SnmpValue.OctetString("eth0")),
            V("1.3.6.1.2.1.31.1.1.1.6.1", SnmpValue.Counter64(1000)),
            V("1.3.6.1.2.1.31.1.1.1.6.2", SnmpValue.Counter64(2000)),
        ], false);
        var samples = Samples(result, "gnb_if_receive_bytes_total");
        Assert.Equal(["if_index", "if_name", "if_mac", "gnb"], result.Snapshot.Find("gnb_if_receive_bytes_total")!.LabelNames);
        Assert.Equal(["1", "eth0", "00:1B:21:AA:BB:CC", "gnb-7"], samples[0].Labels);
        Assert.Equal(["2", "", "", "gnb-7"], samples[1].Labels); // no ifName/ifPhysAddress row 2: empty, as snmp_exporter
        Assert.Equal(2000, samples[1].Value);
        Assert.Equal(3, result.Unmatched); // the looked-up objects themselves are not metrics
    }

    [Fact]
    public void Display_string_puts_text_in_a_label_named_after_the_metric_or_value_label()
    {
        var plan = Plan("""
                  - {name: sys_descr, oid: 1.3.6.1.2.1.1.1, type: DisplayString}
                  - {name: gnb_info, oid: 1.3.6.1.2.1.1.5, type: DisplayString, value_label: name}
                  - {name: gnb_object, oid: 1.3.6.1.2.1.1.2, type: OctetString}
                  - {name: gnb_ip, oid: 1.3.6.1.2.1.1.9, type: InetAddressIPv4}
            """);
        var result = SnapshotBuilder.Build(plan, [
            V("1.3.6.1.2.1.1.1.0", SnmpValue.OctetString("Linux \"gnb\" \\ 6.1")),
            V("1.3.6.1.2.1.1.2.0", SnmpValue.ObjectIdentifier(Oid.Parse("1.3.6.1.4.1.53058"))),
            V("1.3.6.1.2.1.1.5.0", SnmpValue.OctetString("north")),
            V("1.3.6.1.2.1.1.9.0", SnmpValue.IpAddress(System.Net.IPAddress.Parse("10.20.30.40"))),
        ], false);
        Assert.Equal(["sys_descr"], result.Snapshot.Find("sys_descr")!.LabelNames);
        Assert.Equal("Linux \"gnb\" \\ 6.1", Samples(result, "sys_descr")[0].Labels[0]);
        Assert.Equal(1, Samples(result, "sys_descr")[0].Value);
        Assert.Equal(MetricType.Info, result.Snapshot.Find("gnb_info")!.Type);
        Assert.Equal(["name"], result.Snapshot.Find("gnb_info")!.LabelNames);
        Assert.Equal("north", Samples(result, "gnb_info")[0].Labels[0]);
        Assert.Equal("1.3.6.1.4.1.53058", Samples(result, "gnb_object")[0].Labels[0]);
        Assert.Equal("10.20.30.40", Samples(result, "gnb_ip")[0].Labels[0]);
    }

    [Fact]
    public void Enum_as_info_and_state_set()
    {
        var plan = Plan("""
                  - {name: gnb_link, oid: 1.3.6.1.4.1.53058.100.21, type: EnumAsInfo, enum_values: {0: LinkDown, 1: LinkUp}}
                  - {name: gnb_if_oper_status, oid: 1.3.6.1.2.1.2.2.1.8, type: EnumAsStateSet, value_label: state, enum_values: {1: up, 2: down, 7: lowerLayerDown}, indexes: [{labelname: if_index, type: gauge}]}
            """);
        var result = SnapshotBuilder.Build(plan, [
            V("1.3.6.1.4.1.53058.100.21.0", SnmpValue.Integer(1)),
            V("1.3.6.1.2.1.2.2.1.8.1", SnmpValue.Integer(2)),
            V("1.3.6.1.2.1.2.2.1.8.2", SnmpValue.Integer(5)),
        ], false);
        var info = Assert.Single(Samples(result, "gnb_link_info"));
        Assert.Equal(["LinkUp"], info.Labels);
        Assert.Equal(MetricType.Info, result.Snapshot.Find("gnb_link_info")!.Type);
        var states = Samples(result, "gnb_if_oper_status");
        Assert.Equal(MetricType.StateSet, result.Snapshot.Find("gnb_if_oper_status")!.Type);
        Assert.Equal([("1", "up", 0d), ("1", "down", 1d), ("1", "lowerLayerDown", 0d), ("2", "up", 0d), ("2", "down", 0d), ("2", "lowerLayerDown", 0d), ("2", "5", 1d)],
            states.Select(s => (s.Labels[0], s.Labels[1], s.Value)));
    }

    [Fact]
    public void Enum_info_falls_back_to_the_number()
    {
        var plan = Plan("""
                  - {name: gnb_link, oid: 1.3.6.1.4.1.53058.100.21, type: EnumAsInfo, enum_values: {0: LinkDown, 1: LinkUp}}
            """);
        var result = SnapshotBuilder.Build(plan, [V("1.3.6.1.4.1.53058.100.21.0", SnmpValue.Integer(9))], false);
        Assert.Equal(["9"], Assert.Single(Samples(result, "gnb_link_info")).Labels);
    }

    [Fact]
    public void First_metric_on_the_oid_path_wins_and_duplicates_are_dropped()
    {
        var plan = Plan("""
                  - {name: outer, oid: 1.3.6.1.4.1.53058.100, type: gauge}
                  - {name: inner, oid: 1.3.6.1.4.1.53058.100.11, type: gauge}
                  - {name: ues, oid: 1.3.6.1.4.1.53058.200, type: gauge, indexes: [{labelname: cell, type: gauge}]}
            """);
        var result = SnapshotBuilder.Build(plan, [
            V("1.3.6.1.4.1.53058.100.11.1.0", SnmpValue.Integer(17)),
            V("1.3.6.1.4.1.53058.200.1.0", SnmpValue.Integer(1)),
            V("1.3.6.1.4.1.53058.200.1.1", SnmpValue.Integer(2)),
            V("1.3.6.1.4.1.53058.300.1.0", SnmpValue.Integer(3)),
        ], false);
        Assert.Equal(17, Assert.Single(Samples(result, "outer")).Value);
        Assert.Null(result.Snapshot.Find("inner"));
        Assert.Equal(1, Assert.Single(Samples(result, "ues")).Value);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(1, result.Unmatched);
    }

    [Fact]
    public void Shipped_qrtb_module_maps_the_baicells_scalars()
    {
        var config = YamlConfigLoader.Parse<GnbConfig>("", "(defaults)");
        var plan = new ModulePlan("baicells_qrtb", config.Modules!["baicells_qrtb"]);
        const string b = "1.3.6.1.4.1.53058";
        var result = SnapshotBuilder.Build(plan, [
            V($"{b}.100.11.1.0", SnmpValue.Integer(17)),
            V($"{b}.100.11.2.0", SnmpValue.Integer(4)),
            V($"{b}.140.100.7.0", SnmpValue.OctetString("north")),
            V($"{b}.190.8.2.0", SnmpValue.Integer(876)),
            V($"{b}.190.10.1.0", SnmpValue.Integer(63)),
            V($"{b}.270.1.2.0", SnmpValue.Integer(0)),
        ], false);
        Assert.Equal(["1|north|17", "2|north|4"],
            Samples(result, "gnb_cell_connected_ues").Select(s => $"{string.Join('|', s.Labels)}|{s.Value}"));
        Assert.Equal(876 * 125, Samples(result, "gnb_cell_downlink_throughput_bytes_per_second")[0].Value);
        Assert.Equal(0.63, Samples(result, "gnb_cell_downlink_prb_utilization_ratio")[0].Value, 12);
        var up = Assert.Single(Samples(result, "gnb_cell_up"));
        Assert.Equal(["2", "north"], up.Labels);
        Assert.Equal(0, up.Value);
    }
}
