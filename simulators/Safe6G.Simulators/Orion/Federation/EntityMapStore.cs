using System.Collections.Concurrent;

namespace Safe6G.Simulators.Orion.Federation;

/// <summary>Keeps entity maps for a while (a scraper walks the pages within seconds); old ones expire.</summary>
internal sealed class EntityMapStore(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, EntityMap> _maps = new(StringComparer.Ordinal);

    public void Add(EntityMap map)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _maps.Values)
            if (now - old.Created > Lifetime) _maps.TryRemove(old.Id, out _);
        _maps[map.Id] = map;
    }

    public EntityMap? Get(string id) => _maps.TryGetValue(id, out var map) ? map : null;
}
