using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Loki;

/// <summary>Seeded demo streams: for each tenant, exporters and the gateway of that domain logging at a few levels.</summary>
public static class LokiSeed
{
    private static readonly string[] Apps = ["datafabric-exporter", "gnb-exporter", "orchestrator"];
    private static readonly string[] Levels = ["info", "info", "info", "warn", "error"];
    private static readonly string[] Messages =
    [
        "scrape finished", "upstream answered slowly", "target unreachable", "config reloaded", "allocation decided",
    ];

    /// <summary>Fills the store; the last line of each stream is one second before <paramref name="now"/>.</summary>
    public static void Fill(LokiStore store, int seed, int linesPerStream, IEnumerable<string> tenants, DateTimeOffset now)
    {
        var endNs = (now.ToUnixTimeMilliseconds() - 1000) * 1_000_000;
        foreach (var tenant in tenants)
        {
            foreach (var app in Apps)
            {
                foreach (var level in Levels.Distinct())
                {
                    var labels = new Dictionary<string, string> { ["domain"] = tenant, ["app"] = app, ["level"] = level };
                    var entries = new List<(long, string)>();
                    for (var i = 0; i < linesPerStream; i++)
                    {
                        var key = $"{tenant}/{app}/{level}/{i}";
                        var message = Deterministic.Pick(seed, key, Messages);
                        var ns = endNs - ((long)(linesPerStream - 1 - i) * 15_000_000_000);
                        entries.Add((ns, $"level={level} app={app} domain={tenant} msg=\"{message}\" seq={i}"));
                    }
                    store.Push(tenant, labels, entries);
                }
            }
        }
    }
}
