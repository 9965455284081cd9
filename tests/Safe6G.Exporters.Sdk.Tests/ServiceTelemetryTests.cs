using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Testing;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class ServiceTelemetryTests
{
    [Fact]
    public async Task Non_exporter_services_expose_their_meters_through_opentelemetry()
    {
        using var meter = new Meter("Safe6G.Test.Gateway");
        var requests = meter.CreateCounter<long>("gateway_requests", description: "Requests handled.");
        await using var app = await LoopbackServer.StartAsync(a =>
        {
            a.MapServiceMetrics();
            a.MapGet("/hello", () =>
            {
                requests.Add(1);
                return "hi";
            });
        }, services => services.AddServiceMetrics("Safe6G.Test.Gateway"));
        var url = app.BaseAddress.ToString().TrimEnd('/');
        await Testing.Http.Client.GetStringAsync($"{url}/hello");
        await Testing.Http.Client.GetStringAsync($"{url}/hello");

        var body = await Testing.Http.Client.GetStringAsync($"{url}/metrics");
        Assert.Matches(@"gateway_requests_total\{[^}]*otel_scope_name=""Safe6G.Test.Gateway""[^}]*\} 2", body);
        var own = Promtool.OnlyFamilies(body, "gateway_requests");
        var lint = await Promtool.CheckMetricsAsync(own);
        Assert.True(lint.ExitCode == 0, lint.Output);
    }
}
