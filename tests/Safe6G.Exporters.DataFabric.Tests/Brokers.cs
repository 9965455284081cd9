using Safe6G.Testing;
using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Scraping;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Orion;

namespace Safe6G.Exporters.DataFabric.Tests;

/// <summary>Helpers to start simulated brokers and read them with the exporter's source.</summary>
internal static class Brokers
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static Task<RunningSimulator> StartAsync(string domain, int scale, IReadOnlyList<Uri>? peers = null, FaultSettings? faults = null,
        AuthSettings? auth = null, bool sdmQuirks = false) =>
        OrionSimulator.StartAsync(new OrionSimulatorOptions
        {
            Domain = domain,
            Scale = scale,
            Seed = 7,
            Peers = peers ?? [],
            Faults = faults ?? FaultSettings.None,
            Auth = auth,
            SdmQuirks = sdmQuirks,
            Clock = new ManualClock(Now),
        });

    public static ExporterContext Context() =>
        new(Serilog.Core.Logger.None, TimeProvider.System, new SelfMetrics("datafabric", "test"));

    public static BrokerConfig Broker(RunningSimulator sim, string name, bool local = true, string format = "simplified", int pageSize = 1000) => new()
    {
        Name = name,
        Url = sim.BaseAddress.ToString().TrimEnd('/'),
        Local = local,
        Format = format,
        PageSize = pageSize,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<MetricSnapshot> CollectAsync(BrokerConfig broker)
    {
        using var source = new DataFabricSource(new DataFabricConfig { Brokers = [broker] }, Context());
        return await source.CollectAsync(new ScrapeTarget(broker.Url, Source: broker.Name), CancellationToken.None);
    }

    public static IEnumerable<string> LabelValues(MetricSnapshot snapshot, string family, string label)
    {
        var f = snapshot.Find(family) ?? throw new InvalidOperationException($"no family {family}");
        var index = Array.IndexOf(f.LabelNames, label);
        return f.Samples.Select(s => s.LabelValues[index]);
    }
}
