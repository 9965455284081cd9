using Safe6G.Testing;
using Safe6G.Exporters.CmcCore;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Scraping;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Simulators.Cnc;
using Safe6G.Simulators.Common;

namespace Safe6G.Exporters.CmcCore.Tests;

/// <summary>Helpers to start simulated cores and read them with the exporter's source.</summary>
internal static class Cores
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static Task<RunningSimulator> StartAsync(int scale, TimeProvider? clock = null, FaultSettings? faults = null, int seed = 7,
        string listen = "127.0.0.1:0", AuthSettings? auth = null) =>
        CncSimulator.StartAsync(new CncSimulatorOptions
        {
            Listen = listen,
            Seed = seed,
            Scale = scale,
            Faults = faults ?? FaultSettings.None,
            Clock = clock ?? new ManualClock(Start),
            Auth = auth,
        });

    public static string ApiBase(RunningSimulator sim) => new Uri(sim.BaseAddress, "api/v1.0").ToString();

    public static ExporterContext Context(TimeProvider? time = null) =>
        new(Serilog.Core.Logger.None, time ?? TimeProvider.System, new SelfMetrics("cmc", "test"));

    public static CoreConfig Core(RunningSimulator sim, string name = "lab") => new() { Name = name, Url = ApiBase(sim), Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<MetricSnapshot> CollectAsync(CoreConfig core, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        using var source = new CmcSource(new CmcConfig { Cores = [core] }, Context(time), handler: handler);
        return await source.CollectAsync(new ScrapeTarget(core.Url, Source: core.Name), CancellationToken.None);
    }

    public static Dictionary<string, double> Series(MetricSnapshot snapshot, string family, string label)
    {
        var f = snapshot.Find(family) ?? throw new InvalidOperationException($"no family {family}");
        var index = Array.IndexOf(f.LabelNames, label);
        return f.Samples.ToDictionary(s => s.LabelValues[index], s => s.Value);
    }
}
