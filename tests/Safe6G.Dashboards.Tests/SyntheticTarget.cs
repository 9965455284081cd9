using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safe6G.Dashboards.Tests;

/// <summary>Serves Synthetic/*.prom on /metrics for Prometheus; counters grow by 10 per scrape so rate() is defined.</summary>
internal sealed class SyntheticTarget : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SyntheticTarget(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SyntheticTarget> StartAsync(string file)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Synthetic", file));
        var hits = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/metrics", () =>
        {
            var n = Interlocked.Increment(ref hits);
            var body = string.Join('\n', lines.Select(l => Grow(l, n))) + "\n";
            return Results.Text(body, "text/plain; version=0.0.4");
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SyntheticTarget(app, new Uri(bound));
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
