using Safe6G.Testing;
using Safe6G.Exporters.Metaverse;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Scraping;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Metaverse;

namespace Safe6G.Exporters.Metaverse.Tests;

/// <summary>Helpers to start simulated managers and read them with the exporter's source.</summary>
internal static class Managers
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static Task<RunningSimulator> StartAsync(int scale, TimeProvider? clock = null, FaultSettings? faults = null, int seed = 7, AuthSettings? auth = null) =>
        MetaverseSimulator.StartAsync(new MetaverseSimulatorOptions
        {
            Seed = seed,
            Scale = scale,
            Faults = faults ?? FaultSettings.None,
            Clock = clock ?? new ManualClock(Start),
            Auth = auth,
        });

    public static string ApiBase(RunningSimulator sim) => new Uri(sim.BaseAddress, "api/v1").ToString();

    public static ManagerConfig Manager(RunningSimulator sim, string name = "xr") => new() { Name = name, Url = ApiBase(sim), Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<MetricSnapshot> CollectAsync(ManagerConfig manager, HttpMessageHandler? handler = null)
    {
        var context = new ExporterContext(Serilog.Core.Logger.None, TimeProvider.System, new SelfMetrics("metaverse", "test"));
        using var source = new MetaverseSource(new MetaverseConfig { Managers = [manager] }, context, handler);
        return await source.CollectAsync(new ScrapeTarget(manager.Url, Source: manager.Name), CancellationToken.None);
    }
}
