using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Lifecycle;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Api;

/// <summary>
/// The seed's Table 1 API under /hlo_fe/services (HLO-FE behaviour, aerios.md §7.1), aeriOS's /ie-alert, an
/// Alertmanager webhook, and a read of the continuum as the allocator sees it.
/// </summary>
public static partial class HloApi
{
    public const string Prefix = "/hlo_fe/services";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex Id();

    public static void Map(IEndpointRouteBuilder app)
    {
        var services = app.MapGroup(Prefix).WithTags("services");
        services.MapGet("/", (ServiceOrchestrator o) => Results.Ok(o.List()))
            .WithSummary("All managed services");
        services.MapPost("/{serviceId}", DeployAsync)
            .WithSummary("Deploy a service from a TOSCA descriptor (202 + Location; allocation runs in the background)")
            .Accepts<string>("application/x-yaml", "text/yaml", "text/plain")
            .Produces<AcceptedBody>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(409);
        services.MapGet("/{serviceId}", (string serviceId, ServiceOrchestrator o, HttpContext http) =>
                o.Get(serviceId) is { } s ? Results.Ok(s) : Problems.Of(OperationResult.NotFound($"service '{serviceId}' not found"), http.Request.Path))
            .WithSummary("A service: lifecycle, placements, per-candidate score breakdown, deployment plans")
            .Produces<ServiceSnapshot>().ProducesProblem(404);
        services.MapPatch("/{serviceId}", UpgradeAsync)
            .WithSummary("Upgrade a running service to a new TOSCA descriptor")
            .Accepts<string>("application/x-yaml", "text/yaml", "text/plain")
            .Produces<AcceptedBody>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        services.MapPut("/{serviceId}", (string serviceId, ServiceOrchestrator o, HttpContext http) =>
                Accepted(o.Reallocate(serviceId), serviceId, http))
            .WithSummary("Re-allocate a previously deallocated (DELETE) service")
            .Produces<AcceptedBody>(StatusCodes.Status202Accepted).ProducesProblem(404).ProducesProblem(409);
        services.MapDelete("/{serviceId}", (string serviceId, ServiceOrchestrator o, HttpContext http) =>
                Accepted(o.Deallocate(serviceId), serviceId, http))
            .WithSummary("Deallocate a service (components Removing, then Finished)")
            .Produces<AcceptedBody>(StatusCodes.Status202Accepted).ProducesProblem(404).ProducesProblem(409);
        services.MapPatch("/{serviceId}/component/{componentId}", UpdateComponentAsync)
            .WithSummary("Update one component (TOSCA with that node template)")
            .Accepts<string>("application/x-yaml", "text/yaml", "text/plain")
            .Produces<AcceptedBody>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        services.MapDelete("/{serviceId}/purge", async (string serviceId, ServiceOrchestrator o, HttpContext http) =>
            {
                var result = await o.PurgeAsync(serviceId, http.RequestAborted).ConfigureAwait(false);
                return result.Outcome == Outcome.Done ? Results.Ok(new { serviceId, message = result.Message }) : Problems.Of(result, http.Request.Path);
            })
            .WithSummary("Remove the service's metadata (here and in the broker); only when not running, 400 otherwise")
            .ProducesProblem(400).ProducesProblem(404);

        var hlo = app.MapGroup("/hlo_fe").WithTags("re-allocation");
        hlo.MapPost("/ie-alert", (IeAlert alert, ServiceOrchestrator o, HttpContext http) =>
            {
                if (string.IsNullOrEmpty(alert.ServiceComponentId))
                    return Problems.BadRequest("serviceComponentId is required", http.Request.Path);
                var result = o.Alert(alert.ServiceComponentId, alert.Event ?? "ie-alert");
                return result.Outcome == Outcome.Accepted
                    ? Results.Accepted(null, new { serviceComponentId = alert.ServiceComponentId, status = result.Message })
                    : Problems.Of(result, http.Request.Path);
            })
            .WithSummary("aeriOS data-aggregator alert: re-allocate one component");
        hlo.MapPost("/alerts", (AlertmanagerWebhook hook, ServiceOrchestrator o) =>
            {
                var moved = 0;
                foreach (var alert in hook.Alerts ?? [])
                    if (alert.Status == "firing" && alert.Labels?.GetValueOrDefault("ie") is { Length: > 0 } ie)
                        moved += o.AlertIe(ie, $"alert {alert.Labels.GetValueOrDefault("alertname") ?? "?"} on {ie}");
                return Results.Ok(new { moved });
            })
            .WithSummary("Alertmanager webhook: firing alerts with an `ie` label move that IE's components");
        hlo.MapGet("/continuum", async (IContinuumReader reader, HttpContext http) =>
            {
                try
                {
                    return Results.Ok(await reader.ReadAsync(http.RequestAborted).ConfigureAwait(false));
                }
                catch (ContinuumReadException ex)
                {
                    return Problems.Unavailable(ex.Message, http.Request.Path);
                }
            })
            .WithSummary("The IEs as the allocator reads them from Prometheus");
    }

    private static async Task<string> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> DeployAsync(string serviceId, ServiceOrchestrator o, HttpContext http)
    {
        if (!Id().IsMatch(serviceId))
            return Problems.BadRequest($"service id '{serviceId}' must be 1-128 letters, digits, '-', '_' or '.'", http.Request.Path);
        ServiceDescriptor descriptor;
        try
        {
            descriptor = ToscaParser.Parse(await BodyAsync(http.Request).ConfigureAwait(false));
        }
        catch (ToscaException ex)
        {
            return Problems.Tosca(ex, http.Request.Path);
        }
        return Accepted(o.Deploy(serviceId, descriptor), serviceId, http);
    }

    private static async Task<IResult> UpgradeAsync(string serviceId, ServiceOrchestrator o, HttpContext http)
    {
        if (o.Get(serviceId) is null)
            return Problems.Of(OperationResult.NotFound($"service '{serviceId}' not found"), http.Request.Path);
        try
        {
            return Accepted(o.Upgrade(serviceId, ToscaParser.Parse(await BodyAsync(http.Request).ConfigureAwait(false))), serviceId, http);
        }
        catch (ToscaException ex)
        {
            return Problems.Tosca(ex, http.Request.Path);
        }
    }

    private static async Task<IResult> UpdateComponentAsync(string serviceId, string componentId, ServiceOrchestrator o, HttpContext http)
    {
        var service = o.Get(serviceId);
        if (service is null)
            return Problems.Of(OperationResult.NotFound($"service '{serviceId}' not found"), http.Request.Path);
        if (service.Components.All(c => c.Name != componentId))
            return Problems.Of(OperationResult.NotFound($"service '{serviceId}' has no component '{componentId}'"), http.Request.Path);
        ServiceDescriptor descriptor;
        try
        {
            descriptor = ToscaParser.Parse(await BodyAsync(http.Request).ConfigureAwait(false));
        }
        catch (ToscaException ex)
        {
            return Problems.Tosca(ex, http.Request.Path);
        }
        var spec = descriptor.Components.FirstOrDefault(c => c.Name == componentId) ?? (descriptor.Components.Count == 1 ? descriptor.Components[0] : null);
        if (spec is null)
            return Problems.BadRequest($"the descriptor has no node template '{componentId}' (and more than one other)", http.Request.Path);
        return Accepted(o.UpdateComponent(serviceId, componentId, spec), serviceId, http);
    }

    private static IResult Accepted(OperationResult result, string serviceId, HttpContext http)
    {
        if (result.Outcome != Outcome.Accepted)
            return Problems.Of(result, http.Request.Path);
        var url = $"{Prefix}/{serviceId}";
        return Results.Accepted(url, new AcceptedBody(serviceId, result.Message, $"request accepted; GET {url} for progress", url));
    }

    /// <summary>The 202 body, as HLO-FE sends it.</summary>
    public sealed record AcceptedBody(string ServiceId, string Status, string Message, string Url);

    /// <summary>aeriOS data aggregator's alert body (AGG app_models/ie_alert_ep_models.py).</summary>
    public sealed record IeAlert(string? ServiceComponentId, string? Event);

    /// <summary>The part of Alertmanager's webhook payload we read.</summary>
    public sealed record AlertmanagerWebhook(List<AlertmanagerAlert>? Alerts);

    /// <summary>One alert of an Alertmanager webhook.</summary>
    public sealed record AlertmanagerAlert(string? Status, Dictionary<string, string>? Labels);
}
