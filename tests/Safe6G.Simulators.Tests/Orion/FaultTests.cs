using Safe6G.Testing;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Orion;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class FaultTests
{
    private const string Ies = "ngsi-ld/v1/entities?type=InfrastructureElement";

    [Fact]
    public async Task Latency_set_at_runtime_delays_answers_but_not_the_admin_endpoint()
    {
        await using var orion = await OrionFixture.StartAsync();
        await orion.GetJsonAsync(Ies); // warm up
        var fast = Stopwatch.StartNew();
        await orion.GetJsonAsync(Ies);
        fast.Stop();

        var set = await orion.Client.PostAsJsonAsync("_sim/faults", new { latencyMs = 800 });
        Assert.Equal(200, (int)set.StatusCode);
        var slow = Stopwatch.StartNew();
        var (response, _) = await orion.GetJsonAsync(Ies);
        slow.Stop();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(slow.ElapsedMilliseconds >= 790, $"took {slow.ElapsedMilliseconds} ms");
        Assert.True(fast.ElapsedMilliseconds < 790, $"unfaulted took {fast.ElapsedMilliseconds} ms");

        var admin = Stopwatch.StartNew();
        var current = await orion.Client.GetFromJsonAsync<JsonElement>("_sim/faults");
        admin.Stop();
        Assert.Equal(800, current.GetProperty("latencyMs").GetInt32());
        Assert.True(admin.ElapsedMilliseconds < 790);
    }

    [Fact]
    public async Task Error_rate_one_answers_503_problem_details_and_reset_restores()
    {
        await using var orion = await OrionFixture.StartAsync(new OrionSimulatorOptions { Faults = new FaultSettings { ErrorRate = 1, ErrorStatus = 503 } });
        var (response, _) = await orion.GetJsonAsync(Ies);
        await Ngsi.AssertProblemAsync(response, 503, "InternalError");

        await orion.Client.DeleteAsync("_sim/faults");
        var (ok, _) = await orion.GetJsonAsync(Ies);
        Assert.Equal(200, (int)ok.StatusCode);
    }

    [Fact]
    public async Task Error_rate_half_fails_roughly_half_of_the_requests()
    {
        await using var orion = await OrionFixture.StartAsync(new OrionSimulatorOptions { Faults = new FaultSettings { ErrorRate = 0.5 } });
        var failures = 0;
        for (var i = 0; i < 100; i++)
        {
            using var response = await orion.Client.GetAsync(Ies);
            if ((int)response.StatusCode == 500) failures++;
            else Assert.Equal(200, (int)response.StatusCode);
        }
        Assert.InRange(failures, 30, 70);
    }

    [Fact]
    public async Task Malformed_rate_one_sends_broken_json_with_status_200()
    {
        await using var orion = await OrionFixture.StartAsync();
        await orion.Client.PostAsJsonAsync("_sim/faults", new { malformedRate = 1.0 });
        using var response = await orion.Client.GetAsync(Ies + "&count=true");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("5", response.Headers.GetValues("NGSILD-Results-Count").Single());
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotEmpty(text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Down_aborts_connections_until_switched_back()
    {
        await using var orion = await OrionFixture.StartAsync();
        await orion.Client.PostAsJsonAsync("_sim/faults", new { down = true });
        await Assert.ThrowsAsync<HttpRequestException>(() => orion.Client.GetAsync(Ies));

        await orion.Client.PostAsJsonAsync("_sim/faults", new { down = false });
        using var response = await orion.Client.GetAsync(Ies);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Invalid_fault_settings_are_refused()
    {
        await using var orion = await OrionFixture.StartAsync();
        var bad = await orion.Client.PostAsJsonAsync("_sim/faults", new { errorRate = 2.0 });
        Assert.Equal(400, (int)bad.StatusCode);
        var status = await orion.Client.PostAsJsonAsync("_sim/faults", new { errorRate = 1.0, errorStatus = 404 });
        Assert.Equal(400, (int)status.StatusCode);
        Assert.Equal(FaultSettings.None, orion.Sim.Faults.Current);
    }
}

public sealed class FlapTests
{
    [Fact]
    public async Task Flapping_alternates_between_up_and_down_with_the_clock()
    {
        // DefaultStart is a multiple of 10 s, so the first 10 s are "up".
        var clock = new ManualClock(ManualClock.DefaultStart);
        await using var orion = await OrionFixture.StartAsync(new OrionSimulatorOptions { Clock = clock, Faults = new FaultSettings { FlapSeconds = 10 } });
        using (var up = await orion.Client.GetAsync("ngsi-ld/v1/entities?type=Domain")) Assert.Equal(200, (int)up.StatusCode);
        clock.Advance(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<HttpRequestException>(() => orion.Client.GetAsync("ngsi-ld/v1/entities?type=Domain"));
        clock.Advance(TimeSpan.FromSeconds(10));
        using (var again = await orion.Client.GetAsync("ngsi-ld/v1/entities?type=Domain")) Assert.Equal(200, (int)again.StatusCode);
    }
}
