using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Http;
using Safe6G.Orchestration.Hosting;
using Safe6G.Portal.Config;
using Safe6G.Portal.Hosting;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Orion;
using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary>
/// A running setup, started once for the "live" collection: two Orion-LD simulators (domains upv and ncsrd),
/// the Data Fabric exporter, a real Prometheus scraping it, the orchestrator reading that Prometheus (its HLO API behind
/// basic auth, as an operator would run it), and the portal holding the orchestrator's credentials.
/// </summary>
public sealed class LiveSetup : IAsyncLifetime
{
    public const int UpvIes = 4, NcsrdIes = 3;

    /// <summary>The orchestrator's basic-auth user and password.</summary>
    public const string OrchestratorUser = "portal", OrchestratorPassword = "hlo-secret";

    private readonly List<IAsyncDisposable> _stack = [];

    public TempDir Dir { get; } = new("portal-live");
    public RunningSimulator Upv { get; private set; } = null!;
    public RunningSimulator Ncsrd { get; private set; } = null!;
    public PrometheusServer Prometheus { get; private set; } = null!;
    public OrchestratorHost Orchestrator { get; private set; } = null!;
    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Upv = Push(await OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "upv", Scale = UpvIes, Seed = 7 }));
        Ncsrd = Push(await OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "ncsrd", Scale = NcsrdIes, Seed = 11 }));
        var exporter = Push(await ExporterHost<DataFabricConfig>.StartAsync(new DataFabricExporter(), new ExporterHostOptions
        {
            ConfigFile = Dir.Write("datafabric.yml", $"""
                brokers:
                  - {"{"}name: upv, url: "{Upv.BaseAddress}"{"}"}
                  - {"{"}name: ncsrd, url: "{Ncsrd.BaseAddress}"{"}"}
                """),
            Listen = "127.0.0.1:0",
            Environment = new Dictionary<string, string>(),
        }));
        Prometheus = Push(await PrometheusServer.StartAsync($"""
            - job_name: datafabric
              static_configs:
                - targets: ['{exporter.BaseAddress.Authority}']
            """));
        await Prometheus.WaitForValueAsync("count(datafabric_infrastructure_element_info)", v => v == UpvIes + NcsrdIes, TimeSpan.FromSeconds(60));
        Orchestrator = Push(await OrchestratorHost.StartAsync(new OrchestratorConfig
        {
            Prometheus = new PrometheusSettings { Url = Prometheus.BaseUrl },
            GrpcListen = "",
            OverloadCheckInterval = TimeSpan.Zero,
            WebConfigFile = Dir.Write("orchestrator-web.yml",
                $"basic_auth_users:\n  {OrchestratorUser}: '{BCrypt.Net.BCrypt.HashPassword(OrchestratorPassword, workFactor: 4)}'\n"),
        }, "127.0.0.1:0"));
        var dashboards = Path.Combine(Dir.Path, "grafana");
        Directory.CreateDirectory(dashboards);
        File.WriteAllText(Path.Combine(dashboards, "safe6g-continuum.json"), """{"uid":"safe6g-continuum","title":"SAFE-6G continuum","panels":[]}""");
        Portal = Push(await PortalHost.StartAsync(new PortalConfig
        {
            Prometheus = new PrometheusSource { Url = Prometheus.BaseUrl },
            OrchestratorUrl = Orchestrator.BaseAddress.ToString(),
            OrchestratorAuth = new HttpAuthSettings { BasicAuth = new BasicAuthSettings { Username = OrchestratorUser, Password = OrchestratorPassword } },
            DashboardsDir = dashboards,
        }, "127.0.0.1:0", CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
            await _stack[i].DisposeAsync();
        Dir.Dispose();
    }

    private T Push<T>(T item) where T : IAsyncDisposable
    {
        _stack.Add(item);
        return item;
    }
}

/// <summary>Tests that share one <see cref="LiveSetup"/> (starting Prometheus once keeps the suite fast).</summary>
[CollectionDefinition("live")]
public sealed class LiveCollection : ICollectionFixture<LiveSetup>;
