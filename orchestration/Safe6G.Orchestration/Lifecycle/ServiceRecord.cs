using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Deployment;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Lifecycle;

/// <summary>A managed service: its descriptor, its components' lifecycle and the history of what happened. Guarded by the store's lock.</summary>
public sealed class ServiceRecord
{
    public required string Id { get; init; }
    public required ServiceDescriptor Descriptor { get; set; }
    public ServiceAction Action { get; set; } = ServiceAction.DEPLOYING;
    public string? Reason { get; set; }
    public int Revision { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ComponentRecord> Components { get; } = [];
    public List<LifecycleEvent> History { get; } = [];

    /// <summary>Running in the sense of Table 1's purge rule: any component not Finished or Failed.</summary>
    public bool IsRunning => Components.Any(c => c.Status is not (ComponentStatus.Finished or ComponentStatus.Failed));

    public ComponentRecord? Find(string component) => Components.FirstOrDefault(c => c.Name == component);

    public void Record(DateTimeOffset at, string operation, string detail)
    {
        History.Add(new LifecycleEvent(at, operation, detail));
        UpdatedAt = at;
    }
}

/// <summary>A component of a managed service: where it runs, why there, and its deployment plan.</summary>
public sealed class ComponentRecord
{
    public required string Name { get; init; }
    public required string Id { get; init; }
    public required ComponentSpec Spec { get; set; }
    public ComponentStatus Status { get; set; } = ComponentStatus.Starting;
    public string? Ie { get; set; }
    public string? Domain { get; set; }
    public string? Reason { get; set; }
    public AllocationDecision? Decision { get; set; }
    public DeploymentPlan? Plan { get; set; }
}

/// <summary>One entry of a service's history (deploy, upgrade, reallocate, migrate, remove...).</summary>
public sealed record LifecycleEvent(DateTimeOffset At, string Operation, string Detail);
