using System.Text.Json;
using Safe6G.Simulators.Orion.Http;
using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion.Federation;

/// <summary>
/// The result list of one distributed query, fixed when the query first runs: local entities by id (served live),
/// remote entities as fetched from their broker. Later pages name it with the NGSILD-EntityMap header.
/// </summary>
internal sealed class EntityMap(string id, string tenant, string[]? attrs, LdContext context, IReadOnlyList<EntityMap.Entry> entries, DateTimeOffset created)
{
    /// <summary>One result: a local entity id (RemoteJson null), or the JSON of a remote entity as its broker sent it.</summary>
    public readonly record struct Entry(string Id, byte[]? RemoteJson);

    /// <summary>A remote entity as fetched: id plus raw UTF-8 JSON (concise form).</summary>
    public readonly record struct RemoteEntity(string Id, byte[] Json);

    /// <summary>The entity behind an entry: live from the local store, or parsed from the remote snapshot.</summary>
    public NgsiEntity? Resolve(Entry entry, EntityStore local)
    {
        if (entry.RemoteJson is null) return local.Get(entry.Id);
        using var doc = JsonDocument.Parse(entry.RemoteJson);
        return EntityParser.TryParseEntity(doc.RootElement, context, Created, out var entity, out _) ? entity : null;
    }

    public string Id { get; } = id;
    public string Tenant { get; } = tenant;
    public string[]? Attrs { get; } = attrs;
    public IReadOnlyList<Entry> Entries { get; } = entries;
    public DateTimeOffset Created { get; } = created;

    /// <summary>Creation order, so the oldest map can be dropped even under a fixed test clock.</summary>
    public long Sequence { get; } = Interlocked.Increment(ref _next);

    private static long _next;
}
