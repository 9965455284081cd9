using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Tosca;
using static Safe6G.Orchestration.Tests.Fixtures;

namespace Safe6G.Orchestration.Tests;

public sealed class AllocatorTests
{
    private static ComponentRequest Req(PlacementConstraints? c = null, double cpu = 1, double ram = 1e9, bool tf = false, string service = "s1", string name = "c") =>
        new(service, name, cpu, ram, c ?? new PlacementConstraints(), tf);

    private static AllocationDecision Decide(ComponentRequest r, params IeState[] ies) => new MetricAllocator(new Weights()).Decide(r, ies, new PlacementLedger());

    public static TheoryData<string, IeState, PlacementConstraints> Rejections => new()
    {
        { HardFilter.Rules.Status, Ie("a", status: "Overload"), new() },
        { HardFilter.Rules.Status, new IeState { Id = "a", Domain = "upv", CpuCores = 8, CpuUsage = 0.1, RamAvailableBytes = 8e9 }, new() },
        { HardFilter.Rules.CpuUnknown, new IeState { Id = "a", Domain = "upv", Status = "Ready", CpuCores = 8, RamAvailableBytes = 8e9 }, new() },
        { HardFilter.Rules.RamUnknown, new IeState { Id = "a", Domain = "upv", Status = "Ready", CpuCores = 8, CpuUsage = 0.1 }, new() },
        { HardFilter.Rules.CpuUsage, Ie("a", usage: 0.6), new() { MaxCpuUsage = 0.6 } },
        { HardFilter.Rules.CpuCapacity, Ie("a", cores: 2, usage: 0.6), new() },
        { HardFilter.Rules.RamCapacity, Ie("a", availableGb: 1), new() },
        { HardFilter.Rules.Architecture, Ie("a", arch: "ARM64"), new() { Architecture = "AMD64" } },
        { HardFilter.Rules.Architecture, Ie("a", arch: ""), new() { Architecture = "AMD64" } },
        { HardFilter.Rules.Realtime, Ie("a", realtime: false), new() { Realtime = true } },
        { HardFilter.Rules.Realtime, Ie("a", realtime: null), new() { Realtime = true } },
        { HardFilter.Rules.Domain, Ie("a", domain: "ncsrd"), new() { Domain = "upv" } },
        { HardFilter.Rules.EnergyEfficiency, Ie("a", efficiency: 0.2), new() { MinEnergyEfficiency = 0.3 } },
        { HardFilter.Rules.EnergyEfficiency, Ie("a", efficiency: null), new() { MinEnergyEfficiency = 0.3 } },
        { HardFilter.Rules.NotPreselected, Ie("a"), new() { IeIds = ["b"] } },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Each_hard_constraint_rejects_with_its_rule_and_unknown_never_passes(string rule, IeState ie, PlacementConstraints constraints)
    {
        var decision = Decide(Req(constraints), ie);
        Assert.False(decision.Placed);
        Assert.Equal(1, decision.Explanation.RejectionsByRule[rule]);
        Assert.Contains(rule, decision.Reason);
        Assert.Equal(rule, Assert.Single(decision.Explanation.Rejected).Rule);
    }

    [Fact]
    public void A_fitting_ie_passes_every_rule()
    {
        var decision = Decide(Req(new PlacementConstraints { MaxCpuUsage = 0.5, Architecture = "AMD64", Realtime = true, Domain = "upv", MinEnergyEfficiency = 0.5, IeIds = ["a"] }),
            Ie("a", realtime: true));
        Assert.Equal("a", decision.Ie);
        Assert.Equal(1, decision.Explanation.Eligible);
    }

    [Fact]
    public void The_breakdown_adds_up_and_the_best_total_wins()
    {
        var decision = Decide(Req(), Ie("busy", usage: 0.8, availableGb: 3, trust: 0.5), Ie("idle", usage: 0.1, availableGb: 14), Ie("mid", usage: 0.4));
        Assert.Equal("idle", decision.Ie);
        Assert.Equal(["idle", "mid", "busy"], decision.Explanation.Ranked.Select(c => c.Ie));
        foreach (var c in decision.Explanation.Ranked)
        {
            Assert.Equal(Scorer.Names, c.Terms.Select(t => t.Name));
            Assert.Equal(c.Total, c.Terms.Sum(t => t.Contribution), 3);
            Assert.Equal(1, c.Terms.Sum(t => t.Weight), 3);
        }
        var idle = decision.Explanation.Ranked[0].Terms.ToDictionary(t => t.Name);
        Assert.Equal((8 * 0.9 - 1) / 8, idle[Scorer.FreeCpu].Value, 3);
        Assert.Equal((14e9 - 1e9) / 16e9, idle[Scorer.FreeRam].Value, 3);
        Assert.Equal(0.9, idle[Scorer.Trust].Value, 3);
    }

    [Fact]
    public void Ties_go_to_the_smaller_id_so_decisions_repeat()
    {
        Assert.Equal("a", Decide(Req(), Ie("b"), Ie("a")).Ie);
    }

    [Fact]
    public void Components_of_one_service_spread_and_reservations_are_counted()
    {
        var ledger = new PlacementLedger();
        var allocator = new MetricAllocator(new Weights());
        IeState[] ies = [Ie("a"), Ie("b")];
        var first = allocator.Decide(Req(name: "x"), ies, ledger);
        ledger.Reserve(Req(name: "x"), first.Ie!, "upv");
        var second = allocator.Decide(Req(name: "y"), ies, ledger);
        Assert.NotEqual(first.Ie, second.Ie);
        var spread = second.Explanation.Ranked.Single(c => c.Ie == first.Ie).Terms.Single(t => t.Name == Scorer.Spread);
        Assert.Equal(0.5, spread.Value);

        // 8 cores at 20 % leave 6.4; a second 6-core component no longer fits on the IE holding the first.
        ledger.Reserve(Req(name: "y", cpu: 6), "a", "upv");
        var third = allocator.Decide(Req(name: "z", cpu: 1, service: "s2"), [Ie("a")], ledger);
        Assert.False(third.Placed);
        Assert.Equal(1, third.Explanation.RejectionsByRule[HardFilter.Rules.CpuCapacity]);
        ledger.Release("s1", "y");
        Assert.True(allocator.Decide(Req(name: "z", cpu: 1, service: "s2"), [Ie("a")], ledger).Placed);
    }

    [Fact]
    public void A_trust_function_stays_in_the_domain_of_its_first_component()
    {
        var ledger = new PlacementLedger();
        var allocator = new MetricAllocator(new Weights());
        ledger.Reserve(Req(tf: true, name: "agent"), "n1", "ncsrd");
        // upv is emptier, but the TF's other component runs in ncsrd (on n1; spreading picks n2).
        var decision = allocator.Decide(Req(tf: true, name: "vapp"),
            [Ie("n1", domain: "ncsrd", usage: 0.5), Ie("n2", domain: "ncsrd", usage: 0.5), Ie("u1", domain: "upv", usage: 0.3)], ledger);
        Assert.Equal("n2", decision.Ie);
        Assert.Equal(0, decision.Explanation.Ranked.Single(c => c.Ie == "u1").Terms.Single(t => t.Name == Scorer.TrustFunctionDomain).Value);
        var plain = allocator.Decide(Req(tf: false, name: "other", service: "s9"), [Ie("n1", domain: "ncsrd", usage: 0.5), Ie("u1", domain: "upv", usage: 0.3)], ledger);
        Assert.Equal("u1", plain.Ie);
    }

    [Fact]
    public void No_candidates_says_prometheus_had_no_series()
    {
        var decision = Decide(Req());
        Assert.Contains("no IE known", decision.Reason);
    }

    [Fact]
    public void Decision_scales_to_ten_thousand_candidates_with_a_bounded_explanation()
    {
        var ies = Enumerable.Range(0, 10_000).Select(i => Ie($"x:{i:D6}", usage: i % 100 / 100.0, status: i % 10 == 0 ? "Overload" : "Ready")).ToList();
        var decision = new MetricAllocator(new Weights(), explainTop: 5, rejectedShown: 10).Decide(Req(), ies, new PlacementLedger());
        Assert.True(decision.Placed);
        Assert.Equal(5, decision.Explanation.Ranked.Count);
        Assert.Equal(10, decision.Explanation.Rejected.Count);
        Assert.Equal(1000, decision.Explanation.RejectionsByRule[HardFilter.Rules.Status]);
        Assert.Equal(10_000, decision.Explanation.Candidates);
    }
}
