using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion.Federation;

/// <summary>
/// The result list of one distributed query, fixed when the query first runs: local entities by id (served live),
/// remote entities as fetched from their broker. Later pages name it with the NGSILD-EntityMap header.
/// </summary>
internal sealed class EntityMap(string id, string tenant, string[]? attrs, IReadOnlyList<EntityMap.Entry> entries, DateTimeOffset created)
{
    /// <summary>One result: a local entity id, or a snapshot of a remote entity.</summary>
    public readonly record struct Entry(string Id, NgsiEntity? Remote);

    public string Id { get; } = id;
    public string Tenant { get; } = tenant;
    public string[]? Attrs { get; } = attrs;
    public IReadOnlyList<Entry> Entries { get; } = entries;
    public DateTimeOffset Created { get; } = created;

    /// <summary>Creation order, so the oldest map can be dropped even under a fixed test clock.</summary>
    public long Sequence { get; } = Interlocked.Increment(ref _next);

    private static long _next;
}
