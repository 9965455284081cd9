using Safe6G.Simulators.Orion;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class ArgsTests
{
    [Fact]
    public void All_options_map_onto_the_options_type()
    {
        Assert.True(OrionSimulatorArgs.TryParse(
            ["--listen", "127.0.0.1:1026", "--seed", "9", "--scale", "1500", "--domain", "upv", "--sdm-quirks", "--peer", "http://127.0.0.1:1027",
             "--peer", "http://127.0.0.1:1028/", "--tenant", "safe6g", "--page-size", "100", "--latency-ms", "50",
             "--error-rate", "0.1", "--error-status", "503", "--malformed-rate", "0.2", "--down", "--flap-seconds", "30", "--token", "t1", "--client", "exp:se:cret"], out var o, out var error), error);
        Assert.Equal("127.0.0.1:1026", o.Listen);
        Assert.Equal(9, o.Seed);
        Assert.Equal(1500, o.Scale);
        Assert.Equal("upv", o.Domain);
        Assert.Equal(2, o.Peers.Count);
        Assert.Equal("safe6g", o.Tenants.Single());
        Assert.Equal(100, o.DefaultPageSize);
        Assert.True(o.SdmQuirks);
        Assert.Equal("t1", o.Auth!.StaticTokens.Single());
        Assert.Equal("se:cret", o.Auth.Clients["exp"]);
        Assert.Equal(new Safe6G.Simulators.Common.FaultSettings { LatencyMs = 50, ErrorRate = 0.1, ErrorStatus = 503, MalformedRate = 0.2, Down = true, FlapSeconds = 30 }, o.Faults);
    }

    [Theory]
    [InlineData("--scale", "many")]
    [InlineData("--listen", "nowhere")]
    [InlineData("--peer", "not a url")]
    [InlineData("--error-rate", "1.5")]
    [InlineData("--page-size", "1001")]
    [InlineData("--colour", "red")]
    [InlineData("--seed")]
    [InlineData("--client", "nosecret")]
    public void Bad_arguments_give_a_reason(params string[] args)
    {
        Assert.False(OrionSimulatorArgs.TryParse(args, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}

public sealed class RunTests
{
    [Fact]
    public async Task RunAsync_serves_until_cancelled_and_returns_zero()
    {
        using var cts = new CancellationTokenSource();
        var run = Safe6G.Simulators.Orion.OrionSimulator.RunAsync(new OrionSimulatorOptions { Scale = 1 }, cts.Token);
        await Task.Delay(300);
        Assert.False(run.IsCompleted);
        await cts.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
