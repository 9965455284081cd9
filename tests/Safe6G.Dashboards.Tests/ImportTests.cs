using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Safe6G.Dashboards.Grafana;
using Safe6G.Dashboards.Model;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Grafana;
using Safe6G.Testing;

namespace Safe6G.Dashboards.Tests;

/// <summary>Import over the Grafana HTTP API (simulated): folder once, dashboards overwritten by uid, clear errors.</summary>
public sealed class ImportTests
{
    private static GrafanaClient Client(RunningSimulator sim, GrafanaCredentials? credentials = null, double timeoutSeconds = 10) =>
        new(sim.BaseAddress, credentials ?? new GrafanaCredentials(Token: "sim-token"), TimeSpan.FromSeconds(timeoutSeconds));

    [Fact]
    public async Task Import_twice_creates_the_folder_once_and_overwrites_under_the_same_uids()
    {
        var (sim, store) = await GrafanaSimulator.StartWithStoreAsync(new GrafanaSimulatorOptions());
        await using var _ = sim;
        using var client = Client(sim);
        var importer = new DashboardImporter(client);

        var first = await importer.ImportAsync(DashboardCatalog.All(), "SAFE-6G", null, CancellationToken.None);
        var second = await importer.ImportAsync(DashboardCatalog.All(), "SAFE-6G", null, CancellationToken.None);

        Assert.True(first.FolderCreated);
        Assert.False(second.FolderCreated);
        Assert.Equal(1, store.FoldersCreated);
        Assert.Single(store.Folders);
        Assert.Equal(7, store.Dashboards.Count);
        Assert.Equal(first.Dashboards.Select(d => d.Uid), second.Dashboards.Select(d => d.Uid));
        Assert.Equal(DashboardCatalog.All().Select(d => d.Uid), second.Dashboards.Select(d => d.Uid));
        Assert.All(first.Dashboards, d => Assert.Equal(1, d.Version));
        Assert.All(second.Dashboards, d => Assert.Equal(2, d.Version));
        Assert.All(store.Dashboards.Values, d => Assert.Equal("safe-6g", d.FolderUid));

        // Datasource lookup: the default Prometheus data source (not Loki) replaced the file-import placeholder.
        Assert.Equal("prometheus-upv", first.DataSource.Uid);
        var stored = store.Dashboards["safe6g-data-fabric"].Json;
        var text = stored.ToJsonString();
        Assert.DoesNotContain("${DS_PROMETHEUS}", text, StringComparison.Ordinal);
        var ds = stored["templating"]!["list"]![0]!;
        Assert.Equal("prometheus-upv", ds["current"]!["value"]!.GetValue<string>());
        Assert.Contains("${datasource}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_auth_and_a_named_datasource_work()
    {
        var (sim, store) = await GrafanaSimulator.StartWithStoreAsync(new GrafanaSimulatorOptions
        {
            DataSources = [new("thanos", "Thanos (continuum)", "prometheus", false), new("prom-a", "Prometheus (a)", "prometheus", true)],
        });
        await using var _ = sim;
        using var client = Client(sim, new GrafanaCredentials(User: "admin", Password: "admin"));
        var result = await new DashboardImporter(client).ImportAsync(DashboardCatalog.All(), "Safe6G Dashboards", "Thanos (continuum)", CancellationToken.None);
        Assert.Equal("thanos", result.DataSource.Uid);
        Assert.Equal("safe6g-dashboards", result.Folder.Uid);
        Assert.Equal(7, store.Dashboards.Count);
    }

    [Fact]
    public async Task Wrong_token_gives_401_with_a_hint()
    {
        await using var sim = await GrafanaSimulator.StartAsync(new GrafanaSimulatorOptions());
        using var client = Client(sim, new GrafanaCredentials(Token: "wrong"));
        var ex = await Assert.ThrowsAsync<GrafanaException>(() => new DashboardImporter(client).ImportAsync(DashboardCatalog.All(), "SAFE-6G", null, CancellationToken.None));
        Assert.Equal(401, ex.StatusCode);
        Assert.Contains("401 Unauthorized", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--token", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid API key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_dashboard_without_overwrite_gives_412_with_grafanas_reason()
    {
        await using var sim = await GrafanaSimulator.StartAsync(new GrafanaSimulatorOptions());
        using var client = Client(sim);
        var folder = await client.CreateFolderAsync("safe6g", "SAFE-6G", CancellationToken.None);
        var ds = new GrafanaDataSource("prometheus-upv", "Prometheus (upv)", "prometheus", true);
        var dashboard = DashboardCatalog.All()[0];
        await client.SaveDashboardAsync(DashboardImporter.Bind(dashboard, ds), folder.Uid, overwrite: true, "first", CancellationToken.None);
        await client.SaveDashboardAsync(DashboardImporter.Bind(dashboard, ds), folder.Uid, overwrite: true, "someone else", CancellationToken.None);
        var stale = DashboardImporter.Bind(dashboard, ds);
        stale["version"] = 1;
        var ex = await Assert.ThrowsAsync<GrafanaException>(() => client.SaveDashboardAsync(stale, folder.Uid, overwrite: false, "stale", CancellationToken.None));
        Assert.Equal(412, ex.StatusCode);
        Assert.Contains("412 Precondition Failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("changed by someone else", ex.Message, StringComparison.Ordinal);

        // Same title, other uid, same folder: Grafana's name-exists.
        var copy = DashboardImporter.Bind(dashboard with { Uid = "copy-of-overview" }, ds);
        var nameExists = await Assert.ThrowsAsync<GrafanaException>(() => client.SaveDashboardAsync(copy, folder.Uid, overwrite: true, "copy", CancellationToken.None));
        Assert.Equal(412, nameExists.StatusCode);
        Assert.Contains("same name in the folder", nameExists.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_name_the_status_and_grafanas_message(int status)
    {
        await using var sim = await GrafanaSimulator.StartAsync(new GrafanaSimulatorOptions { Faults = new FaultSettings { ErrorRate = 1, ErrorStatus = status } });
        using var client = Client(sim);
        var ex = await Assert.ThrowsAsync<GrafanaException>(() => new DashboardImporter(client).ImportAsync(DashboardCatalog.All(), "SAFE-6G", null, CancellationToken.None));
        Assert.Equal(status, ex.StatusCode);
        Assert.Contains($"failed with {status}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("simulated internal error", ex.Message, StringComparison.Ordinal);
        Assert.Contains("list data sources", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_base_url_gives_404_with_a_hint()
    {
        await using var sim = await GrafanaSimulator.StartAsync(new GrafanaSimulatorOptions());
        using var client = new GrafanaClient(new Uri(sim.BaseAddress, "grafana/"), new GrafanaCredentials(Token: "sim-token"), TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<GrafanaException>(() => client.DataSourcesAsync(CancellationToken.None));
        // Auth runs first in Grafana too; with a valid token the unknown path is a 404.
        Assert.Equal(404, ex.StatusCode);
        Assert.Contains("base URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_refused_and_timeout_are_named()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using (var refused = new GrafanaClient(new Uri($"http://127.0.0.1:{port}"), new GrafanaCredentials(), TimeSpan.FromSeconds(5)))
        {
            var ex = await Assert.ThrowsAsync<GrafanaException>(() => refused.FoldersAsync(CancellationToken.None));
            Assert.Null(ex.StatusCode);
            Assert.Contains("connection refused", ex.Message, StringComparison.Ordinal);
        }

        await using var slow = await GrafanaSimulator.StartAsync(new GrafanaSimulatorOptions { Faults = new FaultSettings { LatencyMs = 3000 } });
        using var client = Client(slow, timeoutSeconds: 0.3);
        var timeout = await Assert.ThrowsAsync<GrafanaException>(() => client.FoldersAsync(CancellationToken.None));
        Assert.Contains("timeout", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("0.3 s", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_prometheus_datasource_is_a_clear_error()
    {
        await using var sim = await GrafanaSimulator.StartAsync(new GrafanaSimulatorOptions { DataSources = [new("loki", "Loki", "loki", true)] });
        using var client = Client(sim);
        var ex = await Assert.ThrowsAsync<GrafanaException>(() => new DashboardImporter(client).ImportAsync(DashboardCatalog.All(), "SAFE-6G", null, CancellationToken.None));
        Assert.Contains("no Prometheus data source", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Loki' (loki)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_keeps_every_panel_on_the_datasource_variable()
    {
        var node = DashboardImporter.Bind(DashboardCatalog.All()[1], new GrafanaDataSource("u1", "P", "prometheus", true));
        foreach (var panel in node["panels"]!.AsArray().Where(p => p!["type"]!.GetValue<string>() != "row"))
            Assert.Equal("${datasource}", panel!["datasource"]!["uid"]!.GetValue<string>());
        Assert.IsType<JsonObject>(node["templating"]);
        _ = typeof(Dashboard);
    }
}
