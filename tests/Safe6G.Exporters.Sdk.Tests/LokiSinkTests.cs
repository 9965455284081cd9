using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Exporters.Sdk.Logging;
using Serilog.Events;
using Serilog.Parsing;
using Safe6G.Testing;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class LokiSinkTests
{
    private static LogEvent Event(string message, LogEventLevel level, params (string Name, string Value)[] properties) =>
        new(DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse(message),
            properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));

    [Fact]
    public void Payload_groups_events_into_streams_by_label_properties()
    {
        var sink = new LokiSink(new LokiSettings { Url = "http://127.0.0.1:1", Labels = { ["job"] = "safe6g" } });
        var payload = sink.BuildPayload(
        [
            Event("a", LogEventLevel.Warning, ("exporter", "gnb"), ("target", "10.0.0.1"), ("secret", "x")),
            Event("b", LogEventLevel.Warning, ("exporter", "gnb"), ("target", "10.0.0.1")),
            Event("c", LogEventLevel.Error, ("exporter", "gnb"), ("target", "10.0.0.2")),
        ]);
        using var json = JsonDocument.Parse(payload);
        var streams = json.RootElement.GetProperty("streams");
        Assert.Equal(2, streams.GetArrayLength());
        var first = streams[0];
        Assert.Equal("gnb", first.GetProperty("stream").GetProperty("exporter").GetString());
        Assert.Equal("warning", first.GetProperty("stream").GetProperty("level").GetString());
        Assert.Equal("safe6g", first.GetProperty("stream").GetProperty("job").GetString());
        Assert.False(first.GetProperty("stream").TryGetProperty("secret", out _));
        Assert.Equal(2, first.GetProperty("values").GetArrayLength());
        var entry = first.GetProperty("values")[0];
        Assert.True(long.Parse(entry[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 1_600_000_000_000_000_000);
        Assert.Equal("a", JsonDocument.Parse(entry[1].GetString()!).RootElement.GetProperty("@mt").GetString());
    }

    [Fact]
    public async Task Pushes_to_the_loki_api_with_tenant_header_and_logger_properties()
    {
        var received = new ConcurrentQueue<(string? Tenant, string Body)>();
        await using var loki = await LoopbackServer.StartAsync(app => app.MapPost("/loki/api/v1/push", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Enqueue((context.Request.Headers["X-Scope-OrgID"].ToString(), await reader.ReadToEndAsync()));
            return Results.NoContent();
        }));
        var url = loki.BaseAddress.ToString().TrimEnd('/');

        var settings = new LoggingSettings { Loki = new LokiSettings { Url = url, Tenant = "upv", Period = TimeSpan.FromMilliseconds(100) } };
        await using (var logger = LogSetup.Create("datafabric", settings, "upv"))
        {
            logger.ForContext("target", "broker-1").Warning("broker {broker} answered {status}", "upv", 503);
        }

        Assert.True(received.TryDequeue(out var push), "no push reached the Loki endpoint");
        Assert.Equal("upv", push.Tenant);
        using var json = JsonDocument.Parse(push.Body);
        var stream = json.RootElement.GetProperty("streams")[0];
        Assert.Equal("datafabric", stream.GetProperty("stream").GetProperty("exporter").GetString());
        Assert.Equal("upv", stream.GetProperty("stream").GetProperty("domain").GetString());
        Assert.Equal("broker-1", stream.GetProperty("stream").GetProperty("target").GetString());
        Assert.Contains("503", stream.GetProperty("values")[0][1].GetString());
    }
}
