using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safe6G.Exporters.DataFabric.Tests;

/// <summary>
/// <see cref="StubBroker"/> on a real loopback port: the exporter host builds its own HttpClient, so answers
/// the Orion simulator cannot give (4xx problem details, entities with wrong types) need a listening server.
/// </summary>
internal sealed class StubBrokerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubBrokerServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Answers every entity query with <paramref name="status"/> and <paramref name="body"/>(type).</summary>
    public static async Task<StubBrokerServer> StartAsync(HttpStatusCode status, Func<string, string> body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            var type = context.Request.Query["type"].ToString();
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body(type), context.RequestAborted);
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address");
        return new StubBrokerServer(app, new Uri(bound.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
