using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Safe6G.Gateway.Proxy;

namespace Safe6G.Gateway.Routes;

/// <summary>
/// /loki/loki/api/v1/{query,query_range,labels,label/NAME/values,series}: Loki's read API with X-Scope-OrgID taken
/// from the token's tenant (whatever the client sent is dropped) and, when the tenant has log matchers, every
/// stream selector rewritten.
/// </summary>
public static class LokiRoutes
{
    private static readonly string[] Methods = ["GET", "POST"];

    /// <summary>Maps the routes.</summary>
    public static void Map(IEndpointRouteBuilder app, GatewayPipeline pipeline, Upstream upstream, string scope)
    {
        app.MapMethods("/loki/loki/api/v1/query", Methods, (HttpContext c) => pipeline.HandleAsync(c, "loki_query", scope, call => QueryAsync(pipeline, upstream, call, "/loki/api/v1/query")));
        app.MapMethods("/loki/loki/api/v1/query_range", Methods, (HttpContext c) => pipeline.HandleAsync(c, "loki_query_range", scope, call => QueryAsync(pipeline, upstream, call, "/loki/api/v1/query_range")));
        app.MapMethods("/loki/loki/api/v1/labels", Methods, (HttpContext c) => pipeline.HandleAsync(c, "loki_labels", scope, call => LabelsAsync(pipeline, upstream, call, "/loki/api/v1/labels")));
        app.MapMethods("/loki/loki/api/v1/label/{name}/values", Methods, (HttpContext c, string name) => pipeline.HandleAsync(c, "loki_label_values", scope, call =>
        {
            LabelNames.Require(name);
            return LabelsAsync(pipeline, upstream, call, $"/loki/api/v1/label/{Uri.EscapeDataString(name)}/values");
        }));
        app.MapMethods("/loki/loki/api/v1/series", Methods, (HttpContext c) => pipeline.HandleAsync(c, "loki_series", scope, call => SeriesAsync(pipeline, upstream, call)));
    }

    private static Task QueryAsync(GatewayPipeline pipeline, Upstream upstream, GatewayCall call, string path)
    {
        var query = call.Params.Single("query");
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new BadRequestException("invalid parameter \"query\": missing");
        }

        if (call.Tenant.Logs is { } logs)
        {
            call.Params.Set("query", [logs.Enforce(query)]);
        }

        return pipeline.ForwardAsync(call, upstream, Get(upstream, path, call));
    }

    // Loki's /labels and /label/NAME/values take an optional stream selector in "query" (Loki 2.9+).
    private static Task LabelsAsync(GatewayPipeline pipeline, Upstream upstream, GatewayCall call, string path)
    {
        if (call.Tenant.Logs is { } logs)
        {
            var query = call.Params.Single("query");
            call.Params.Set("query", logs.EnforceSelectors(string.IsNullOrWhiteSpace(query) ? [] : [query]));
        }

        return pipeline.ForwardAsync(call, upstream, Get(upstream, path, call));
    }

    private static Task SeriesAsync(GatewayPipeline pipeline, Upstream upstream, GatewayCall call)
    {
        if (call.Tenant.Logs is { } logs)
        {
            // Loki accepts both spellings; fold them into match[] so none escapes enforcement.
            var selectors = call.Params.All("match[]").Concat(call.Params.All("match")).ToList();
            call.Params.Remove("match");
            call.Params.Set("match[]", logs.EnforceSelectors(selectors));
        }

        return pipeline.ForwardAsync(call, upstream, Get(upstream, "/loki/api/v1/series", call));
    }

    private static HttpRequestMessage Get(Upstream upstream, string path, GatewayCall call)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{upstream.BaseUrl}{path}?{call.Params.Encode()}");
        request.Headers.TryAddWithoutValidation("X-Scope-OrgID", call.Tenant.LokiOrgId);
        return request;
    }
}
