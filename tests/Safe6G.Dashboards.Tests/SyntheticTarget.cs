using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Testing;

namespace Safe6G.Dashboards.Tests;

/// <summary>Serves Synthetic/*.prom on /metrics for Prometheus; counters grow by 10 per scrape so rate() is defined.</summary>
internal static class SyntheticTarget
{
    public static async Task<LoopbackServer> StartAsync(string file)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Synthetic", file));
        var hits = 0;
        return await LoopbackServer.StartAsync(app => app.MapGet("/metrics", () =>
        {
            var n = Interlocked.Increment(ref hits);
            var body = string.Join('\n', lines.Select(l => Grow(l, n))) + "\n";
            return Results.Text(body, "text/plain; version=0.0.4");
        }));
    }

    private static string Grow(string line, int hits)
    {
        if (line.StartsWith('#') || line.Length == 0)
            return line;
        var name = line[..line.IndexOfAny(['{', ' '])];
        if (!name.EndsWith("_total", StringComparison.Ordinal))
            return line;
        var space = line.LastIndexOf(' ');
        var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture) + 10 * hits;
        return line[..(space + 1)] + value.ToString(CultureInfo.InvariantCulture);
    }
}
