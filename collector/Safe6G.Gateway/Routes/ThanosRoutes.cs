using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Safe6G.Gateway.Proxy;

namespace Safe6G.Gateway.Routes;

/// <summary>
/// /thanos/api/v1/{query,query_range,series,labels,label/NAME/values}: the read side of the Prometheus HTTP API,
/// every PromQL query and match[] selector rewritten for the caller's tenant before it goes upstream.
/// </summary>
public static class ThanosRoutes
{
    private static readonly string[] Methods = ["GET", "POST"];

    /// <summary>Maps the routes.</summary>
    public static void Map(IEndpointRouteBuilder app, GatewayPipeline pipeline, Upstream upstream, string scope)
    {
        app.MapMethods("/thanos/api/v1/query", Methods, (HttpContext c) => pipeline.HandleAsync(c, "query", scope, call => QueryAsync(pipeline, upstream, call, "/api/v1/query")));
        app.MapMethods("/thanos/api/v1/query_range", Methods, (HttpContext c) => pipeline.HandleAsync(c, "query_range", scope, call => QueryAsync(pipeline, upstream, call, "/api/v1/query_range")));
        app.MapMethods("/thanos/api/v1/series", Methods, (HttpContext c) => pipeline.HandleAsync(c, "series", scope, call => MatchAsync(pipeline, upstream, call, "/api/v1/series", post: true)));
        app.MapMethods("/thanos/api/v1/labels", Methods, (HttpContext c) => pipeline.HandleAsync(c, "labels", scope, call => MatchAsync(pipeline, upstream, call, "/api/v1/labels", post: true)));
        app.MapMethods("/thanos/api/v1/label/{name}/values", Methods, (HttpContext c, string name) => pipeline.HandleAsync(c, "label_values", scope, call =>
        {
            LabelNames.Require(name);
            // Prometheus serves label values on GET only.
            return MatchAsync(pipeline, upstream, call, $"/api/v1/label/{Uri.EscapeDataString(name)}/values", post: false);
        }));
    }

    private static Task QueryAsync(GatewayPipeline pipeline, Upstream upstream, GatewayCall call, string path)
    {
        var query = call.Params.Single("query");
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new BadRequestException("invalid parameter \"query\": missing");
        }

        call.Params.Set("query", [call.Tenant.EnforceQuery(query)]);
        return pipeline.ForwardAsync(call, upstream, Post(upstream, path, call.Params));
    }

    private static Task MatchAsync(GatewayPipeline pipeline, Upstream upstream, GatewayCall call, string path, bool post)
    {
        var selectors = call.Params.All("match[]");
        call.Params.Set("match[]", call.Tenant.EnforceMatch(selectors));
        var request = post ? Post(upstream, path, call.Params) : new HttpRequestMessage(HttpMethod.Get, $"{upstream.BaseUrl}{path}?{call.Params.Encode()}");
        return pipeline.ForwardAsync(call, upstream, request);
    }

    // The checked parameter set always travels as one form body, so nothing the client put elsewhere can shadow it.
    private static HttpRequestMessage Post(Upstream upstream, string path, RequestParams parameters) =>
        new(HttpMethod.Post, upstream.BaseUrl + path)
        {
            Content = new StringContent(parameters.Encode(), Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
}
