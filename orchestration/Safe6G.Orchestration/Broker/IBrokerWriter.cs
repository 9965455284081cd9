using Safe6G.Orchestration.Lifecycle;

namespace Safe6G.Orchestration.Broker;

/// <summary>Writes services and placements to the context broker. Returns null on success or what went wrong; never throws for broker trouble.</summary>
public interface IBrokerWriter
{
    Task<string?> WriteServiceAsync(ServiceSnapshot service, CancellationToken cancellationToken);

    Task<string?> WriteComponentAsync(ServiceSnapshot service, ComponentSnapshot component, CancellationToken cancellationToken);

    Task<string?> DeleteAsync(ServiceSnapshot service, CancellationToken cancellationToken);
}

/// <summary>No broker configured: nothing is written.</summary>
public sealed class NullBrokerWriter : IBrokerWriter
{
    public Task<string?> WriteServiceAsync(ServiceSnapshot service, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<string?> WriteComponentAsync(ServiceSnapshot service, ComponentSnapshot component, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<string?> DeleteAsync(ServiceSnapshot service, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
