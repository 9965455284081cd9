using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Safe6G.Exporters.Sdk.Web;
using Serilog;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>
/// The Kestrel set-up every safe6g service shares (exporters, gateway, orchestrator, portal): slim host,
/// Serilog, one listen address, exporter-toolkit web config (TLS/mTLS, extra headers, basic auth).
/// </summary>
public static class SafeWebHost
{
    /// <summary>
    /// A slim builder listening on <paramref name="listen"/> (host:port), with TLS when the web config asks for it;
    /// <paramref name="moreListeners"/> adds ports of the service's own (the orchestrator's gRPC port), which the web
    /// config does not touch.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(Serilog.ILogger log, string listen, WebConfig web, Action<KestrelServerOptions>? moreListeners = null)
    {
        var endpoint = ListenAddress.Parse(listen);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSerilog(log, dispose: false);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint, options =>
            {
                if (web.TlsServerConfig is { } tls)
                    options.UseHttps(KestrelTls.Build(tls));
            });
            moreListeners?.Invoke(kestrel);
        });
        return builder;
    }

    /// <summary>Adds the web config's response headers and basic auth in front of every endpoint (of the branch it is used on).</summary>
    public static TApp UseWebConfig<TApp>(this TApp app, WebConfig web) where TApp : IApplicationBuilder
    {
        if (web.HttpServerConfig is { Headers.Count: > 0 } http)
        {
            app.Use(async (context, next) =>
            {
                foreach (var (name, value) in http.Headers)
                    context.Response.Headers[name] = value;
                await next(context).ConfigureAwait(false);
            });
        }
        if (web.BasicAuthUsers.Count > 0)
            app.UseMiddleware<BasicAuthMiddleware>((IReadOnlyDictionary<string, string>)web.BasicAuthUsers);
        return app;
    }

    /// <summary>The first address the started app listens on, with wildcard hosts replaced by 127.0.0.1.</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var address = app.Urls.First();
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }
}
