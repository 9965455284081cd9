using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Deployment;

namespace Safe6G.Orchestration.Lifecycle;

/// <summary>A service as GET /hlo_fe/services/{id} returns it: lifecycle, placements, explanations and plans.</summary>
public sealed record ServiceSnapshot(
    string Id,
    string Description,
    string Action,
    string? Reason,
    int Revision,
    bool ServiceOverlay,
    bool BelongsToTrustFunction,
    string? TrustFunctionDimension,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ComponentSnapshot> Components,
    IReadOnlyList<LifecycleEvent> History,
    string? BrokerError)
{
    internal static ServiceSnapshot Of(ServiceRecord r, string? brokerError) => new(r.Id, r.Descriptor.Description, r.Action.ToString(), r.Reason, r.Revision,
        r.Descriptor.ServiceOverlay, r.Descriptor.BelongsToTrustFunction, r.Descriptor.TrustFunctionDimension, r.CreatedAt, r.UpdatedAt,
        r.Components.Select(ComponentSnapshot.Of).ToList(), r.History.ToList(), brokerError);
}

/// <summary>A component as the API returns it; id/type/serviceComponentStatus as aeriOS's GET, plus where, why and the plan.</summary>
public sealed record ComponentSnapshot(
    string Id,
    string Type,
    string Name,
    string ServiceComponentStatus,
    string? InfrastructureElement,
    string? Domain,
    string? Reason,
    string Artifact,
    bool IsJob,
    bool ExposePorts,
    bool IsPrivate,
    string? TrustFunctionElement,
    bool? InteractsWithContinuum,
    bool? InteractsWithCore,
    bool? InteractsWithService,
    Explanation? Explanation,
    DeploymentPlan? DeploymentPlan)
{
    internal static ComponentSnapshot Of(ComponentRecord c) => new(c.Id, "ServiceComponent", c.Name, c.Status.ToString(),
        c.Ie is null ? null : ContinuumIds.IeUrn(c.Ie), c.Domain, c.Reason,
        c.Spec.Image?.Reference ?? $"{c.Spec.Helm!.Repository.TrimEnd('/')}/{c.Spec.Helm.Chart}{(c.Spec.Helm.Version is { } v ? ":" + v : "")}",
        c.Spec.IsJob, c.Spec.ExposePorts, c.Spec.Image?.IsPrivate ?? c.Spec.Helm!.IsPrivate, c.Spec.TrustFunctionElement,
        c.Spec.InteractsWithContinuum, c.Spec.InteractsWithCore, c.Spec.InteractsWithService, c.Decision?.Explanation, c.Plan);
}
