using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary><c>safe6g portal</c> as a user runs it: exit 2 with the reason on bad usage or config, serving otherwise.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Bad_config_and_bad_listen_exit_2_with_the_reason()
    {
        using var dir = new TempDir("portal-cli");
        var config = dir.Write("portal.yml", "timeout: 5s\norchestrator_url: nope\n");
        var (code, output) = await SafeCli.RunAsync("portal", "--config", config);
        Assert.Equal(2, code);
        Assert.Contains($"{config}:2:", output);
        Assert.Contains("orchestrator_url", output);

        (code, output) = await SafeCli.RunAsync("portal", "--listen", "bogus");
        Assert.Equal(2, code);
        Assert.Contains("bogus", output);

        var jwksMissing = dir.Write("auth.yml", "auth:\n  jwks_file: /nonexistent/jwks.json\n  issuer: i\n  audiences: [a]\n");
        (code, output) = await SafeCli.RunAsync("portal", "--config", jwksMissing);
        Assert.Equal(2, code);
        Assert.Contains("jwks_file", output);
    }

    [Fact]
    public async Task Serves_the_pages_on_the_listen_address()
    {
        var port = FreePort.Tcp();
        using var process = SafeCli.Start(["portal", "--listen", $"127.0.0.1:{port}"],
            new Dictionary<string, string> { ["SAFE6G_PORTAL_PROMETHEUS__URL"] = $"http://127.0.0.1:{FreePort.Tcp()}" });
        await Http.WaitUntilOkAsync($"http://127.0.0.1:{port}/-/ready", TimeSpan.FromSeconds(30), () => process.Output);
        var page = await Http.Client.GetStringAsync($"http://127.0.0.1:{port}/");
        Assert.Contains("Live continuum data is unavailable", page);
        Assert.Contains($"portal listening on http://127.0.0.1:{port}/", process.Output);
    }
}
