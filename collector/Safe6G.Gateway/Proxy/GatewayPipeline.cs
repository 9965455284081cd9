using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Safe6G.Gateway.Auth;
using Safe6G.Gateway.LogQl;
using Safe6G.Gateway.PromQl;
using Safe6G.Gateway.Tenancy;

namespace Safe6G.Gateway.Proxy;

/// <summary>
/// What every route shares: authenticate the bearer token, check the route's scope, find the tenant, read the
/// parameters, run the route, and turn every refusal or upstream failure into a Prometheus-style error with a
/// fitting status. Counts each request by route, tenant and status.
/// </summary>
public sealed class GatewayPipeline(JwtAuthenticator auth, TenantRegistry tenants, GatewayMetrics metrics, ILogger<GatewayPipeline> log)
{
    /// <summary>The instruments, for routes that record more.</summary>
    public GatewayMetrics Metrics => metrics;

    /// <summary>Runs <paramref name="handler"/> for an authorised caller holding <paramref name="scope"/>.</summary>
    public async Task HandleAsync(HttpContext context, string route, string scope, Func<GatewayCall, Task> handler)
    {
        var tenantTag = "none";
        try
        {
            var result = await auth.AuthenticateAsync(context.Request.Headers.Authorization, context.RequestAborted).ConfigureAwait(false);
            if (result.Caller is not { } caller)
            {
                metrics.Rejected(route, "unauthenticated");
                await ApiError.WriteAsync(context, 401, "unauthorized", result.Error ?? "invalid token").ConfigureAwait(false);
                return;
            }

            var policy = tenants.Find(caller.Tenant);
            if (policy is null)
            {
                metrics.Rejected(route, "unknown_tenant");
                await ApiError.WriteAsync(context, 403, "forbidden", $"tenant {caller.Tenant} is not configured on this gateway").ConfigureAwait(false);
                return;
            }

            tenantTag = policy.Name;
            if (scope.Length > 0 && !caller.Scopes.Contains(scope))
            {
                metrics.Rejected(route, "missing_scope");
                await ApiError.WriteAsync(context, 403, "forbidden", $"token lacks the {scope} scope").ConfigureAwait(false);
                return;
            }

            if (policy.Budget is { } budget && !budget.TryTake(out var retryAfter))
            {
                metrics.Rejected(route, "rate_limited");
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ApiError.WriteAsync(context, 429, "unavailable", $"tenant {policy.Name} is over its rate limit; retry in {seconds} s").ConfigureAwait(false);
                return;
            }

            var parameters = await RequestParams.ReadAsync(context.Request).ConfigureAwait(false);
            await handler(new GatewayCall(context, route, caller, policy, parameters)).ConfigureAwait(false);
        }
        catch (PromQlParseException ex)
        {
            metrics.Rejected(route, "parse_error");
            await ApiError.WriteAsync(context, 400, "bad_data", ex.Message).ConfigureAwait(false);
        }
        catch (LogQlParseException ex)
        {
            metrics.Rejected(route, "parse_error");
            await ApiError.WriteAsync(context, 400, "bad_data", ex.Message).ConfigureAwait(false);
        }
        catch (TenantEnforcementException ex)
        {
            metrics.Rejected(route, "tenant_conflict");
            await ApiError.WriteAsync(context, 403, "forbidden", $"position {ex.Position}: {ex.Message}").ConfigureAwait(false);
        }
        catch (BadRequestException ex)
        {
            metrics.Rejected(route, "bad_request");
            await ApiError.WriteAsync(context, 400, "bad_data", ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            metrics.Rejected(route, "bad_request");
            await ApiError.WriteAsync(context, 400, "bad_data", ex.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never let a route bug take the process down or leave the client hanging.
            log.LogError(ex, "route {Route} failed", route);
            if (!context.Response.HasStarted)
            {
                await ApiError.WriteAsync(context, 500, "internal", "internal gateway error").ConfigureAwait(false);
            }
            else
            {
                context.Abort();
            }
        }
        finally
        {
            metrics.Request(route, tenantTag, context.Response.StatusCode);
        }
    }

    /// <summary>
    /// Sends a prepared request to an upstream within its deadline and streams the answer back. Connection failures
    /// become 502, a passed deadline 504, and a non-JSON upstream error a Prometheus-style error.
    /// </summary>
    public async Task ForwardAsync(GatewayCall call, Upstream upstream, HttpRequestMessage request)
    {
        var context = call.Context;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        cts.CancelAfter(upstream.Timeout);
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await upstream.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            metrics.Upstream(upstream.Name, call.Route, watch.Elapsed, "timeout");
            await ApiError.WriteAsync(context, 504, "timeout", $"{upstream.Name} did not answer within {upstream.Timeout.TotalSeconds:0.###}s").ConfigureAwait(false);
            return;
        }
        catch (HttpRequestException ex)
        {
            metrics.Upstream(upstream.Name, call.Route, watch.Elapsed, "unreachable");
            await ApiError.WriteAsync(context, 502, "unavailable", $"{upstream.Name} unreachable: {ex.Message}").ConfigureAwait(false);
            return;
        }

        using (response)
        {
            metrics.Upstream(upstream.Name, call.Route, watch.Elapsed, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            if (status >= 400 && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                // Loki answers errors in plain text; clients of this gateway always get the JSON shape.
                var text = await ReadLimitedAsync(response, cts.Token).ConfigureAwait(false);
                var (mapped, type) = status >= 500 ? (502, "unavailable") : (status, status == 404 ? "not_found" : "bad_data");
                await ApiError.WriteAsync(context, mapped, type, $"{upstream.Name} answered {status}: {text.Trim()}").ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
                await body.CopyToAsync(context.Response.Body, cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
            {
                if (context.RequestAborted.IsCancellationRequested)
                {
                    return;
                }

                // Headers (and maybe part of the body) are out: the only honest signal left is a broken response.
                metrics.Rejected(call.Route, "upstream_body_failed");
                log.LogWarning("{Upstream} body for {Route} failed after {Elapsed}: {Error}", upstream.Name, call.Route, watch.Elapsed, ex.Message);
                context.Abort();
            }
        }
    }

    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > 2000 ? text[..2000] + "…" : text;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            return "(body unreadable)";
        }
    }
}
