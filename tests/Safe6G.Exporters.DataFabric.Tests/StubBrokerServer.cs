using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Testing;

namespace Safe6G.Exporters.DataFabric.Tests;

/// <summary>
/// <see cref="StubBroker"/> on a real loopback port: the exporter host builds its own HttpClient, so answers
/// the Orion simulator cannot give (4xx problem details, entities with wrong types) need a listening server.
/// </summary>
internal static class StubBrokerServer
{
    /// <summary>Answers every entity query with <paramref name="status"/> and <paramref name="body"/>(type).</summary>
    public static Task<LoopbackServer> StartAsync(HttpStatusCode status, Func<string, string> body) =>
        LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            var type = context.Request.Query["type"].ToString();
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body(type), context.RequestAborted);
        }));
}
