using Microsoft.AspNetCore.Http;
using Safe6G.Portal.Config;
using Safe6G.Portal.Html;
using Safe6G.Portal.Security;
using Safe6G.Portal.Upstreams;

namespace Safe6G.Portal.Pages;

/// <summary>What every page needs: the two upstream clients, the config, and how to answer with a page.</summary>
internal sealed class PortalServices(PrometheusClient prometheus, OrchestratorClient orchestrator, PortalConfig config)
{
    public PrometheusClient Prometheus => prometheus;
    public OrchestratorClient Orchestrator => orchestrator;
    public PortalConfig Config => config;

    /// <summary>The token to forward: only to the gateway, which checks it again (Prometheus itself has no use for it).</summary>
    public string? Bearer(HttpContext context) => config.Prometheus.ViaGateway ? PortalUser.Of(context)?.Token : null;

    /// <summary>A full page as text/html.</summary>
    public static IResult Html(HttpContext context, string title, string active, string body, int status = 200) =>
        Page(context, title, active, body, status, refresh: null);

    /// <summary>A live page (continuum, deployments, health): offers auto-refresh and reloads itself at the interval chosen by <c>?refresh=</c>.</summary>
    public static IResult LiveHtml(HttpContext context, string title, string active, string body, int status = 200) =>
        Page(context, title, active, body, status, (context.Request.Path.Value ?? "/", context.Request.Query["refresh"].ToString()));

    private static IResult Page(HttpContext context, string title, string active, string body, int status, (string, string)? refresh) =>
        Results.Content(Layout.Page(title, active, body, PortalUser.Of(context) is { Token: not null } u ? u.Name : null, refresh),
            "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>Back to a page after a POST, with the outcome shown there (303: the browser GETs it).</summary>
    public static IResult After(string path, CommandResult result) =>
        Results.Redirect($"{path}?{(result.Ok ? "ok" : "error")}={Uri.EscapeDataString(result.Message)}", permanent: false, preserveMethod: false);

    /// <summary>The outcome of the previous POST, from the query string.</summary>
    public static string Flash(HttpContext context) =>
        context.Request.Query["ok"].ToString() is { Length: > 0 } ok ? H.Notice("ok", ok)
        : context.Request.Query["error"].ToString() is { Length: > 0 } error ? H.Notice("error", error) : "";
}
