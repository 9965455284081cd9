using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Logging;
using Safe6G.Exporters.Sdk.Web;
using Safe6G.Orchestration.Api;
using Safe6G.Orchestration.Broker;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Grpc;
using Safe6G.Orchestration.Lifecycle;
using Serilog;

namespace Safe6G.Orchestration.Hosting;

/// <summary>
/// Runs the orchestrator: the HLO REST API (HTTP/1.1 and HTTP/2 over TLS) on the listen address, the gRPC
/// allocator on its own HTTP/2 port, self-metrics on /metrics, OpenAPI at /openapi/v1.json, and the overload poller.
/// </summary>
public sealed class OrchestratorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OrchestratorHost(WebApplication app, Uri baseAddress, Uri? grpcAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        GrpcAddress = grpcAddress;
    }

    public Uri BaseAddress { get; }
    public Uri? GrpcAddress { get; }
    public ServiceOrchestrator Orchestrator => _app.Services.GetRequiredService<ServiceOrchestrator>();

    /// <summary>Starts and returns once listening. <paramref name="reader"/> replaces the Prometheus reader (tests of faults).</summary>
    public static async Task<OrchestratorHost> StartAsync(OrchestratorConfig config, string listen, IContinuumReader? reader = null,
        TimeProvider? clock = null, bool logToConsole = false, CancellationToken cancellationToken = default)
    {
        ListenAddress.Parse(listen); // a bad address fails here, before a gRPC port is picked
        IPEndPoint? grpc = config.GrpcListen.Length == 0 ? null : ListenAddress.Parse(config.GrpcListen);
        if (grpc is { Port: 0 })
            grpc = new IPEndPoint(grpc.Address, FreePort(grpc.Address));

        var web = WebConfigLoader.Load(config.WebConfigFile);
        // Without logToConsole (tests, in-process use) the host logs nowhere rather than to the default console.
        var log = logToConsole ? LogSetup.Create("orchestrator", config.Logging, config.Domain) : new LoggerConfiguration().CreateLogger();
        var builder = SafeWebHost.CreateBuilder(log, listen, web, kestrel =>
        {
            if (grpc is not null)
                kestrel.Listen(grpc, o => o.Protocols = HttpProtocols.Http2);
        });
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddGrpc();
        services.AddServiceMetrics(ServiceOrchestrator.MeterName);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddHttpClient();
        services.AddSingleton(sp => reader ?? new PrometheusContinuumReader(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("prometheus"), Slash(config.Prometheus.Url), config.Prometheus.Timeout));
        services.AddSingleton<IBrokerWriter>(sp => config.Broker is { } b
            ? new NgsiBrokerWriter(sp.GetRequiredService<IHttpClientFactory>().CreateClient("broker"), Slash(b.Url), config.Domain, b.Tenant, b.Timeout)
            : new NullBrokerWriter());
        services.AddSingleton(new AllocatorSettings(config.Weights, config.ExplainTop, config.Defaults.CpuCores, config.Defaults.RamMb * 1e6));
        services.AddSingleton(sp => new ServiceOrchestrator(sp.GetRequiredService<IContinuumReader>(), sp.GetRequiredService<IBrokerWriter>(),
            new OrchestratorOptions
            {
                Namespace = config.Namespace,
                DefaultCpuCores = config.Defaults.CpuCores,
                DefaultRamBytes = config.Defaults.RamMb * 1e6,
                Weights = config.Weights,
                ExplainTop = config.ExplainTop,
            },
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("orchestrator"),
            string.IsNullOrEmpty(config.StateFile) ? null : new ServiceStateFile(config.StateFile)));
        if (config.OverloadCheckInterval > TimeSpan.Zero)
            services.AddHostedService(sp => new OverloadPoller(sp.GetRequiredService<ServiceOrchestrator>(), config.OverloadCheckInterval,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("overload")));

        var app = builder.Build();
        // The services of the last run come back before the port opens, so no request sees a half-restored state.
        try
        {
            app.Services.GetRequiredService<ServiceOrchestrator>().Restore();
        }
        catch (InvalidDataException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        // The web config guards the REST port only: the gRPC allocator keeps its own port and clients.
        app.UseWhen(context => grpc is null || context.Connection.LocalPort != grpc.Port, rest => rest.UseWebConfig(web));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapServiceMetrics();
        app.MapGet("/-/healthy", () => Results.Text("OK"));
        app.MapGet("/-/ready", () => Results.Text("OK"));
        app.MapGet("/", () => Results.Text("Safe6G orchestrator: /hlo_fe/services (HLO API), /openapi/v1.json, /metrics\n"));
        HloApi.Map(app);
        app.MapGrpcService<AllocatorGrpcService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        var restUri = addresses.First(a => grpc is null || a.Port != grpc.Port);
        return new OrchestratorHost(app, Loopback(restUri), grpc is null ? null : Loopback(new Uri($"http://{Format(grpc)}")));
    }

    /// <summary>Only the gRPC allocator, on a free port: what <c>orchestrator allocate</c> uses when no --allocator is given.</summary>
    public static async Task<WebApplication> StartAllocatorOnlyAsync(AllocatorSettings settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = FreePort(IPAddress.Loopback);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 64 << 20);
        builder.Services.AddSingleton(settings);
        var app = builder.Build();
        app.MapGrpcService<AllocatorGrpcService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Uri Slash(string url) => new(url.EndsWith('/') ? url : url + "/");

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Format(IPEndPoint ep) => ep.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ep.Address}]:{ep.Port}" : $"{ep.Address}:{ep.Port}";

    private static Uri Loopback(Uri uri) => uri.Host is "0.0.0.0" or "[::]" ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;
}
