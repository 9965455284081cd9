using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Safe6G.Snmp.Tests.Integration;

/// <summary>
/// Side by side on the same snmpd: a bulk walk of the 1,000-row bench table (4,000 varbinds,
/// .1.3.6.1.4.1.53058.900) with our client and with net-snmp's snmpbulkwalk, same
/// max-repetitions. Prints median wall times; asserts only that the values are identical.
/// Run: bench/snmp/walk-vs-netsnmp.sh (dotnet test --filter Category=Bench).
/// </summary>
[Collection("snmpd")]
[Trait("Category", "Bench")]
public sealed class WalkBenchTests(SnmpdFixture f, ITestOutputHelper output)
{
    private static readonly Oid BenchTable = Oid.Parse("1.3.6.1.4.1.53058.900");

    [Theory]
    [InlineData("v2c")]
    [InlineData("usha")]
    [InlineData("usha256")]
    public async Task Bulk_walk_of_1000_rows_ours_vs_snmpbulkwalk(string who)
    {
        const int runs = 5;
        const int reps = 25;
        using var client = new SnmpClient(new SnmpClientOptions { Timeout = TimeSpan.FromSeconds(5), Retries = 1, MaxRepetitions = reps });
        var target = who == "v2c" ? f.V2cTarget() : f.V3Target(who);
        string[] sec = who == "v2c" ? ["-v2c", "-c", SnmpdFixture.Community] : SnmpdFixture.NetSnmpV3Args(who);
        string[] args = [.. sec, "-On", "-Ot", $"-Cr{reps}", f.Address, "." + BenchTable];

        // warm-up (JIT, engine discovery, agent caches) and the value check
        var ours = await client.WalkAsync(target, BenchTable);
        var real = await NetSnmpTool.RunAsync(f, "snmpbulkwalk", args);
        Assert.Equal(4 * SnmpdFixture.BenchRows, ours.Count);
        Assert.Equal(real.Lines, ours.Select(vb => (vb.Oid.ToString(), NetSnmpTool.Render(vb.Value))).ToList());

        var oursMs = new List<double>();
        var theirsMs = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await client.WalkAsync(target, BenchTable);
            oursMs.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            await NetSnmpTool.RunAsync(f, "snmpbulkwalk", args);
            theirsMs.Add(sw.Elapsed.TotalMilliseconds);
        }
        double Median(List<double> l) => l.Order().ElementAt(l.Count / 2);
        var line = string.Format(CultureInfo.InvariantCulture,
            "BENCH walk {0} rows={1} varbinds={2} max-rep={3}: ours median {4:F1} ms, snmpbulkwalk median {5:F1} ms (incl. process start), ratio {6:F2}",
            who, SnmpdFixture.BenchRows, ours.Count, reps, Median(oursMs), Median(theirsMs), Median(oursMs) / Median(theirsMs));
        output.WriteLine(line);
    }
}

/// <summary>Client-side cost only: a walk of 20,000 rows from an agent that answers instantly.</summary>
[Trait("Category", "Bench")]
public sealed class ClientOverheadBenchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Walk_of_20000_varbinds_from_an_instant_agent()
    {
        var root = Oid.Parse("1.3.6.1.4.1.53058.900.1.1.3");
        var table = FakeAgent.Table(root, 20_000);
        using var agent = new FakeAgent(req => [FakeAgent.Response(req, FakeAgent.Next(table, req.Pdu.VarBinds[0].Oid, req.Pdu.MaxRepetitions))]);
        using var client = new SnmpClient(new SnmpClientOptions { MaxRepetitions = 50 });
        await client.WalkAsync(agent.Target(), root); // warm-up
        var sw = Stopwatch.StartNew();
        var walk = await client.WalkAsync(agent.Target(), root);
        Assert.Equal(20_000, walk.Count);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "BENCH client-only walk of 20000 varbinds (400 GETBULK round trips, in-process agent): {0:F1} ms", sw.Elapsed.TotalMilliseconds));
    }
}
