using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Http;
using Safe6G.Exporters.Sdk.Logging;
using Safe6G.Exporters.Sdk.Web;
using Safe6G.Gateway.Auth;
using Safe6G.Portal.Config;
using Safe6G.Portal.Pages;
using Safe6G.Portal.Security;
using Safe6G.Portal.Upstreams;

namespace Safe6G.Portal.Hosting;

/// <summary>Builds and starts the portal on Kestrel; dispose the result to stop it.</summary>
public static class PortalHost
{
    /// <summary>Meter of the portal's own metrics (ASP.NET Core's HTTP meters come with it).</summary>
    public const string MeterName = "Safe6G.Portal";

    /// <summary>Loads the config (file:line:field errors as <see cref="ConfigException"/>) and starts.</summary>
    public static Task<RunningPortal> StartAsync(string? configFile, string listen, CancellationToken cancellationToken) =>
        StartAsync(YamlConfigLoader.Load<PortalConfig>(configFile, "SAFE6G_PORTAL_"), listen, cancellationToken);

    /// <summary>Starts with a loaded, validated config; the JWKS (when sign-in is on) is read before the port opens.</summary>
    /// <exception cref="FormatException">The listen address is invalid.</exception>
    /// <exception cref="InvalidDataException">The JWKS cannot be read.</exception>
    public static async Task<RunningPortal> StartAsync(PortalConfig config, string listen, CancellationToken cancellationToken)
    {
        ListenAddress.Parse(listen);
        var web = WebConfigLoader.Load(config.WebConfigFile);
        var log = LogSetup.Create("portal", config.Logging);
        JwksSource? jwks = null;
        try
        {
            if (config.Auth is { } auth)
                jwks = await JwksSource.LoadAsync(auth, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var builder = SafeWebHost.CreateBuilder(log, listen, web);
        builder.Services.AddServiceMetrics(MeterName);
        var app = builder.Build();
        // One HttpClient per upstream: the portal makes few calls, and the timeout is enforced per call.
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var orchestratorHttp = new HttpClient(UpstreamHandlers.Create(config.OrchestratorTls)) { Timeout = Timeout.InfiniteTimeSpan };
        orchestratorHttp.DefaultRequestHeaders.Authorization = config.OrchestratorAuth?.Header();
        var services = new PortalServices(
            new PrometheusClient(http, Slash(config.Prometheus.Url), config.Timeout),
            new OrchestratorClient(orchestratorHttp, Slash(config.OrchestratorUrl), config.Timeout),
            config);
        var gate = new SignInGate(jwks is null ? null : new JwtAuthenticator(config.Auth!, jwks));

        app.Use((context, next) => SecurityHeaders.Apply(context, () => next(context)));
        app.UseWebConfig(web);
        app.Use((context, next) => SameOriginPosts.Guard(context, () => next(context)));
        app.Use((context, next) => gate.Gate(context, () => next(context)));
        Routes.Map(app, services, gate);
        app.MapServiceMetrics();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new RunningPortal(app, SafeWebHost.BoundAddress(app), log, [http, orchestratorHttp], jwks);
    }

    private static Uri Slash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
