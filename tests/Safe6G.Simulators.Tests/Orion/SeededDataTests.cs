using Safe6G.Testing;
using System.Text.Json;
using Safe6G.Simulators.Orion;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class SeededDataTests
{
    private const string Everything = "ngsi-ld/v1/entities?local=true&limit=1000&options=sysAttrs";

    [Fact]
    public async Task Same_seed_and_time_give_identical_bodies_and_another_seed_differs()
    {
        var a = await OrionFixture.StartAsync(scale: 40, seed: 11);
        var b = await OrionFixture.StartAsync(scale: 40, seed: 11);
        var c = await OrionFixture.StartAsync(scale: 40, seed: 12);
        await using (a)
        await using (b)
        await using (c)
        {
            var bodyA = await a.Client.GetStringAsync(Everything);
            var bodyB = await b.Client.GetStringAsync(Everything);
            var bodyC = await c.Client.GetStringAsync(Everything);
            Assert.Equal(bodyA, bodyB);
            Assert.NotEqual(bodyA, bodyC);
        }
    }

    [Fact]
    public async Task Usage_moves_with_time_but_capacity_does_not()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        await using var orion = await OrionFixture.StartAsync(scale: 20, clock: clock);
        const string url = "ngsi-ld/v1/entities?type=InfrastructureElement&options=keyValues&attrs=currentCpuUsage,ramCapacity";
        var (_, before) = await orion.GetJsonAsync(url);
        clock.Advance(TimeSpan.FromMinutes(2));
        var (_, after) = await orion.GetJsonAsync(url);

        var moved = 0;
        for (var i = 0; i < before.GetArrayLength(); i++)
        {
            Assert.Equal(before[i].GetProperty("ramCapacity").GetInt64(), after[i].GetProperty("ramCapacity").GetInt64());
            var cpu = after[i].GetProperty("currentCpuUsage").GetInt64();
            Assert.True(cpu == -1 || cpu is >= 0 and <= 100, $"cpu {cpu}");
            if (before[i].GetProperty("currentCpuUsage").GetInt64() != cpu) moved++;
        }
        Assert.True(moved >= 10, $"only {moved} of 20 IEs changed CPU usage in 2 minutes");
    }

    [Fact]
    public async Task IEs_follow_the_self_awareness_shape_with_minus_one_sentinels()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 200);
        var (_, body) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&limit=1000");
        var ies = body.EnumerateArray().ToList();
        Assert.Equal(200, ies.Count);
        foreach (var ie in ies)
        {
            Assert.Matches("^urn:ngsi-ld:InfrastructureElement:alpha:[0-9a-f]{12}$", ie.GetProperty("id").GetString()!);
            Assert.Equal("urn:ngsi-ld:Domain:alpha", ie.GetProperty("domain").GetProperty("object").GetString());
            Assert.Equal("Megabytes (MB)", ie.GetProperty("ramCapacity").GetProperty("unitCode").GetString());
            Assert.Equal("Watts (W)", ie.GetProperty("avgPowerConsumption").GetProperty("unitCode").GetString());
            Assert.Equal(JsonValueKind.Number, ie.GetProperty("cpuCores").GetProperty("value").ValueKind);
            Assert.StartsWith("urn:ngsi-ld:CpuArchitecture:", ie.GetProperty("cpuArchitecture").GetProperty("object").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("urn:ngsi-ld:InfrastructureElementTier:", ie.GetProperty("infrastructureElementTier").GetProperty("object").GetString(), StringComparison.Ordinal);
            var used = ie.GetProperty("currentRamUsage").GetProperty("value").GetInt64();
            var available = ie.GetProperty("availableRam").GetProperty("value").GetInt64();
            if (used != -1) Assert.Equal(ie.GetProperty("ramCapacity").GetProperty("value").GetInt64(), used + available);
        }
        Assert.Contains(ies, ie => ie.GetProperty("currentCpuUsage").GetProperty("value").GetInt64() == -1);
        Assert.Contains(ies, ie => ie.GetProperty("avgPowerConsumption").GetProperty("value").GetInt64() == -1);
        Assert.Contains(ies, ie => ie.GetProperty("trustScore").GetProperty("value").GetDouble() == -1);
        Assert.Contains(ies, ie => ie.GetProperty("infrastructureElementStatus").GetProperty("object").GetString() != "urn:ngsi-ld:InfrastructureElementStatus:Ready");
        Assert.Contains(ies, ie => ie.GetProperty("cpuArchitecture").GetProperty("object").GetString() == "urn:ngsi-ld:CpuArchitecture:x64");
    }

    [Fact]
    public async Task Services_carry_the_SAFE6G_trust_function_attributes_and_a_lifecycle()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 100);
        var (_, services) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=Service&options=keyValues&limit=1000");
        Assert.Equal(10, services.GetArrayLength());
        string[] dimensions = ["Security", "Safety", "Privacy", "Resilience", "Reliability"];
        foreach (var s in services.EnumerateArray())
        {
            var tf = s.GetProperty("belongsToTrustFunction").GetBoolean();
            Assert.Equal(tf, s.TryGetProperty("trustFunctionDimension", out var dim));
            if (tf) Assert.Contains(dim.GetString(), dimensions);
        }

        var (_, components) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=ServiceComponent&options=keyValues&limit=1000");
        Assert.Contains(components.EnumerateArray(), c => c.TryGetProperty("trustFunctionElement", out var e) && e.GetString() == "aiAgent");
        foreach (var c in components.EnumerateArray())
        {
            foreach (var flag in new[] { "interactsWithContinuum", "interactsWithCore", "interactsWithService" })
                Assert.True(c.GetProperty(flag).ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.StartsWith("urn:ngsi-ld:ServiceComponentStatus:", c.GetProperty("serviceComponentStatus").GetString(), StringComparison.Ordinal);
            Assert.Equal(c.GetProperty("id").GetString() + ":InfrastructureElementRequirements", c.GetProperty("infrastructureElementRequirements").GetString());
            Assert.Equal(JsonValueKind.Array, c.GetProperty("networkPorts").ValueKind);
        }

        var (lifecycles, lifecycleBody) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=ServiceLifecycle&options=keyValues&count=true");
        Assert.Equal(10, Ngsi.ResultsCount(lifecycles));
        Assert.StartsWith("urn:ngsi-ld:Service:", lifecycleBody[0].GetProperty("service").GetString(), StringComparison.Ordinal);

        var (ports, _) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=NetworkPort&count=true");
        var (reqs, _) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElementRequirements&count=true");
        Assert.Equal(components.GetArrayLength(), Ngsi.ResultsCount(reqs));
        Assert.True(Ngsi.ResultsCount(ports) >= components.GetArrayLength());
    }

    [Fact]
    public async Task Invalid_options_are_refused_before_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "bad name" }));
        await Assert.ThrowsAsync<ArgumentException>(() => OrionSimulator.StartAsync(new OrionSimulatorOptions { Listen = "nowhere" }));
    }
}

public sealed class SdmQuirkTests
{
    [Fact]
    public async Task Quirks_mix_plain_string_enums_and_float_percentages_into_the_IEs()
    {
        await using var quirky = await OrionFixture.StartAsync(new OrionSimulatorOptions { Scale = 90, SdmQuirks = true });
        var (_, body) = await quirky.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&limit=1000");
        var ies = body.EnumerateArray().ToList();
        var plain = ies.Where(e => e.GetProperty("infrastructureElementStatus").GetProperty("type").GetString() == "Property").ToList();
        Assert.InRange(plain.Count, 15, 45);
        foreach (var ie in plain)
        {
            Assert.DoesNotContain("urn:", ie.GetProperty("cpuArchitecture").GetProperty("value").GetString(), StringComparison.Ordinal);
            Assert.Contains(ie.GetProperty("infrastructureElementStatus").GetProperty("value").GetString(),
                new[] { "Ready", "Overloaded", "Unsecure", "Untrusted" });
        }
        Assert.Contains(plain, ie => ie.GetProperty("currentCpuUsage").GetProperty("value").GetDouble() % 1 != 0);

        await using var plainAerios = await OrionFixture.StartAsync(new OrionSimulatorOptions { Scale = 90 });
        var (_, deployed) = await plainAerios.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&limit=1000");
        Assert.All(deployed.EnumerateArray(), ie => Assert.Equal("Relationship", ie.GetProperty("infrastructureElementStatus").GetProperty("type").GetString()));
    }
}
