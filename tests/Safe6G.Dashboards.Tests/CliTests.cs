using System.Net;
using System.Net.Sockets;
using Safe6G.Simulators.Grafana;
using Safe6G.Testing;

namespace Safe6G.Dashboards.Tests;

/// <summary>The real <c>safe6g dashboards</c> executable: output, exit codes 0 / 1 runtime / 2 usage.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Build_writes_the_committed_files()
    {
        using var dir = new TempDir("dash-cli");
        var (code, output) = await SafeCli.RunAsync("dashboards", "build", "--out", dir.Path);
        Assert.True(code == 0, output);
        Assert.Contains("wrote 7 dashboards", output, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(Repo.GrafanaDir, "*.json"))
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(dir.Path, Path.GetFileName(file))));
    }

    [Fact]
    public async Task Import_is_idempotent_through_the_cli()
    {
        var (sim, store) = await GrafanaSimulator.StartWithStoreAsync(new GrafanaSimulatorOptions());
        await using var _ = sim;
        var url = sim.BaseAddress.ToString();
        var first = await SafeCli.RunAsync("dashboards", "import", "--grafana", url, "--token", "sim-token", "--folder", "SAFE-6G");
        var second = await SafeCli.RunAsync("dashboards", "import", "--grafana", url, "--user", "admin", "--password", "admin", "--folder", "SAFE-6G");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("(safe-6g) created", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("created", second.Output, StringComparison.Ordinal);
        Assert.Contains("safe6g-data-fabric version 2", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, store.FoldersCreated);
        Assert.Equal(7, store.Dashboards.Count);
    }

    [Theory]
    [InlineData("--grafana", "not-a-url")]
    [InlineData("--grafana", "http://127.0.0.1:3000", "--token", "t", "--user", "u", "--password", "p")]
    [InlineData("--grafana", "http://127.0.0.1:3000", "--user", "u")]
    [InlineData("--token", "t")]
    public async Task Bad_usage_exits_2(params string[] args)
    {
        var (code, output) = await SafeCli.RunAsync(["dashboards", "import", .. args]);
        Assert.True(code == 2, output);
    }

    [Fact]
    public async Task Runtime_failures_exit_1_with_the_reason()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var refused = await SafeCli.RunAsync("dashboards", "import", "--grafana", $"http://127.0.0.1:{port}");
        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.Contains("connection refused", refused.Output, StringComparison.Ordinal);

        await using var sim = await GrafanaSimulator.StartAsync(new GrafanaSimulatorOptions());
        var unauthorized = await SafeCli.RunAsync("dashboards", "import", "--grafana", sim.BaseAddress.ToString(), "--token", "nope");
        Assert.True(unauthorized.ExitCode == 1, unauthorized.Output);
        Assert.Contains("401 Unauthorized", unauthorized.Output, StringComparison.Ordinal);
    }
}
