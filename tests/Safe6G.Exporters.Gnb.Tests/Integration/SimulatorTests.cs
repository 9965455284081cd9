using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Simulators.Snmp;
using Safe6G.Snmp;
using Safe6G.Testing;

namespace Safe6G.Exporters.Gnb.Tests.Integration;

/// <summary>The SNMP agent simulator answers net-snmp's tools and our exporter, deterministically.</summary>
public sealed class SimulatorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Env(TempDir dir) => new() { ["MIBS"] = "", ["SNMP_PERSISTENT_DIR"] = dir.Path };

    private static async Task<Dictionary<string, string>> RunAsync(TempDir dir, string tool, params string[] args)
    {
        using var process = ManagedProcess.Start(Peers.Require(tool), args, Env(dir));
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(30)), $"{tool} hung");
        await Task.Delay(50);
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: {process.Output}");
        // An endOfMibView varbind repeats the last OID ("No more variables left in this MIB View"): not an object.
        return process.Output.Split('\n').Where(l => l.StartsWith('.') && l.Contains(" = ", StringComparison.Ordinal))
            .Where(l => !l.Contains("No more variables left", StringComparison.Ordinal))
            .ToDictionary(l => l[1..l.IndexOf(" = ", StringComparison.Ordinal)], l => l[(l.IndexOf(" = ", StringComparison.Ordinal) + 3)..].Trim());
    }

    [Fact]
    public async Task Net_snmp_walks_and_bulkwalks_the_whole_agent()
    {
        using var dir = new TempDir("safe6g-simsnmp");
        await using var sim = await SnmpAgentSimulator.StartAsync(new SnmpSimulatorOptions { Listen = "127.0.0.1:0", Seed = 7, Clock = new ManualClock(Noon) });
        var agent = sim.Agents[0];
        var address = agent.EndPoint.ToString();
        var bulk = await RunAsync(dir, "snmpbulkwalk", "-v2c", "-c", "public", "-On", "-Cr7", address, ".1");
        var next = await RunAsync(dir, "snmpwalk", "-v1", "-c", "public", "-On", address, ".1");
        Assert.Equal(agent.Mib.Count, bulk.Count);
        Assert.Equal(bulk, next);
        Assert.Equal("STRING: \"gnb-001\"", bulk["1.3.6.1.4.1.53058.140.100.7.0"]);
        Assert.StartsWith("Counter64: ", bulk["1.3.6.1.2.1.31.1.1.1.6.1"], StringComparison.Ordinal);

        var get = await RunAsync(dir, "snmpget", "-v2c", "-c", "public", "-On", address, "1.3.6.1.4.1.53058.100.11.1.0", "1.3.6.1.4.1.53058.100.11.1.5", "1.3.6.1.4.1.53058.999.0");
        Assert.Equal(bulk["1.3.6.1.4.1.53058.100.11.1.0"], get["1.3.6.1.4.1.53058.100.11.1.0"]);
        Assert.StartsWith("No Such Instance", get["1.3.6.1.4.1.53058.100.11.1.5"], StringComparison.Ordinal);
        Assert.StartsWith("No Such Object", get["1.3.6.1.4.1.53058.999.0"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_community_and_set_are_refused()
    {
        await using var sim = await SnmpAgentSimulator.StartAsync(new SnmpSimulatorOptions { Listen = "127.0.0.1:0" });
        using var client = new SnmpClient(new SnmpClientOptions { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 });
        var wrong = new SnmpTarget(sim.Agents[0].EndPoint, new CommunityCredentials("private"));
        await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync(wrong, Oid.Parse("1.3.6.1.2.1.1.5.0")));

        var set = SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "public"u8,
            new SnmpPdu(PduType.SetRequest, 42, 0, 0, [new VarBind(Oid.Parse("1.3.6.1.4.1.53058.270.2.0"), SnmpValue.Integer(1))]));
        var answer = SnmpMessageCodec.DecodeCommunity(sim.Agents[0].Answer(set));
        Assert.Equal(SnmpErrorStatus.NotWritable, answer.Pdu.ErrorStatus);
        Assert.Null(sim.Agents[0].Answer([0x30, 0x03, 0x02, 0x01]));
    }

    [Fact]
    public async Task Same_seed_and_time_give_the_same_values_and_scale_adds_gnbs()
    {
        var clock = new ManualClock(Noon);
        await using var a = await SnmpAgentSimulator.StartAsync(new SnmpSimulatorOptions { Listen = "127.0.0.1:0", Seed = 3, Scale = 3, Clock = clock });
        await using var b = await SnmpAgentSimulator.StartAsync(new SnmpSimulatorOptions { Listen = "127.0.0.1:0", Seed = 3, Scale = 1, Clock = clock });
        await using var c = await SnmpAgentSimulator.StartAsync(new SnmpSimulatorOptions { Listen = "127.0.0.1:0", Seed = 4, Scale = 1, Clock = clock });
        Assert.Equal(3, a.Agents.Count);
        Assert.Equal(["gnb-001", "gnb-002", "gnb-003"], a.Agents.Select(x => x.Mib.Name));
        using var client = new SnmpClient();
        async Task<List<VarBind>> Walk(SnmpAgent agent) =>
            [.. await client.WalkAsync(new SnmpTarget(agent.EndPoint, new CommunityCredentials("public")), Oid.Parse("1.3.6.1.4.1.53058"))];
        var a0 = await Walk(a.Agents[0]);
        Assert.Equal(a0, await Walk(b.Agents[0]));
        Assert.NotEqual(a0, await Walk(c.Agents[0]));
        Assert.NotEqual(a0.Select(v => v.Value), (await Walk(a.Agents[1])).Select(v => v.Value));
    }

    [Fact]
    public async Task Values_move_with_time_and_counters_only_grow()
    {
        var mib = new GnbMib(1, 0, Noon);
        var ues = Oid.Parse("1.3.6.1.4.1.53058.190.10.1.0");
        var octets = Oid.Parse("1.3.6.1.2.1.31.1.1.1.6.1");
        var seen = new HashSet<long>();
        ulong last = 0;
        for (var minute = 0; minute < 60; minute += 3)
        {
            var now = Noon.AddMinutes(minute);
            seen.Add(mib.Get(ues, now)!.Value.AsInt64());
            var counter = mib.Get(octets, now)!.Value.AsUInt64();
            Assert.True(counter >= last, $"ifHCInOctets went back at minute {minute}");
            last = counter;
        }
        Assert.True(seen.Count > 3, $"DL PRB barely moved over an hour: {string.Join(",", seen)}");
    }

    [Fact]
    public async Task The_exporter_reads_the_simulator_with_the_shipped_modules()
    {
        await using var sim = await SnmpAgentSimulator.StartAsync(new SnmpSimulatorOptions { Listen = "127.0.0.1:0", Seed = 5, Clock = new ManualClock(Noon) });
        var config = YamlConfigLoader.Parse<GnbConfig>("", "(defaults)");
        var source = new GnbSource(config, Serilog.Core.Logger.None);
        var address = sim.Agents[0].EndPoint.ToString();
        var mib = sim.Agents[0].Mib;
        foreach (var module in config.Modules!.Keys.Where(m => m != "baicells_rts"))
        {
            var snapshot = await source.CollectAsync(new ScrapeTarget(address, module), CancellationToken.None);
            Assert.True(snapshot.SampleCount > 5, $"{module}: {snapshot.SampleCount} samples");
        }
        var qrtb = await source.CollectAsync(new ScrapeTarget(address, "baicells_qrtb"), CancellationToken.None);
        var ues = qrtb.Find("gnb_cell_connected_ues")!;
        Assert.Equal(["1", "2"], ues.Samples.Select(s => s.LabelValues[0]));
        Assert.All(ues.Samples, s => Assert.Equal("gnb-001", s.LabelValues[1]));
        Assert.Equal(mib.Get(Oid.Parse("1.3.6.1.4.1.53058.100.11.2.0"), Noon)!.Value.AsInt64(), ues.Samples[1].Value);
        var prb = qrtb.Find("gnb_cell_downlink_prb_utilization_ratio")!;
        Assert.All(prb.Samples, s => Assert.InRange(s.Value, 0, 1));
    }
}
