using System.Collections.Concurrent;
using Safe6G.Simulators.Orion.Seed;

namespace Safe6G.Simulators.Orion.Model;

/// <summary>The default tenant plus named tenants (Orion-LD -multiservice): one store each.</summary>
internal sealed class TenantRegistry
{
    private readonly ConcurrentDictionary<string, EntityStore> _tenants = new(StringComparer.Ordinal);

    public TenantRegistry(OrionSimulatorOptions options)
    {
        Default = Seeded(options, "");
        foreach (var tenant in options.Tenants)
            _tenants[tenant.ToLowerInvariant()] = Seeded(options, tenant.ToLowerInvariant());
    }

    public EntityStore Default { get; }

    public EntityStore? Find(string tenant) => _tenants.TryGetValue(tenant, out var store) ? store : null;

    public EntityStore GetOrCreate(string tenant) => _tenants.GetOrAdd(tenant, _ => new EntityStore());

    private static EntityStore Seeded(OrionSimulatorOptions options, string tenant)
    {
        var store = new EntityStore();
        foreach (var entity in new ContinuumSeeder(options.Seed, options.Domain, tenant, options.Scale, options.SdmQuirks).Generate())
            store.TryAdd(entity);
        return store;
    }
}
