using Safe6G.Orchestration.Simulation;
using Xunit.Abstractions;

namespace Safe6G.Orchestration.Tests;

public sealed class SimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void Two_hundred_services_onto_fifty_ies_never_exceed_capacity_and_are_compared_with_the_baselines()
    {
        var continuum = SimulatedContinuum.Generate(ies: 50, services: 200, seed: 9);
        var results = PlacementSimulation.RunAll(continuum);
        foreach (var r in results)
            output.WriteLine(r.ToString());

        var ours = results.Single(r => r.Strategy == PlacementSimulation.Metric);
        Assert.Equal(0, ours.IesOverCpu);
        Assert.Equal(0, ours.IesOverRam);
        Assert.Equal(200, ours.ServicesPlaced + ours.ServicesRejected);
        Assert.True(ours.ServicesPlaced > 0);
        // Trust functions stay in one domain when they can.
        var balancer = results.Single(r => r.Strategy == PlacementSimulation.Balancer);
        Assert.True(ours.TrustFunctionsSplit <= balancer.TrustFunctionsSplit, $"{ours.TrustFunctionsSplit} vs {balancer.TrustFunctionsSplit}");
    }
}
