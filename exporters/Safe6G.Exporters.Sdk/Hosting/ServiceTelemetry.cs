using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>
/// Self-instrumentation for the services that are not exporters (gateway, orchestrator, portal):
/// System.Diagnostics.Metrics meters exposed by OpenTelemetry's Prometheus exporter.
/// </summary>
public static class ServiceTelemetry
{
    /// <summary>Registers the given meters plus ASP.NET Core's own HTTP server meters.</summary>
    public static IServiceCollection AddServiceMetrics(this IServiceCollection services, params string[] meterNames)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(meterNames)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint (default <c>/metrics</c>).</summary>
    public static IEndpointConventionBuilder MapServiceMetrics(this IEndpointRouteBuilder endpoints, string path = "/metrics") =>
        endpoints.MapPrometheusScrapingEndpoint(path);
}
