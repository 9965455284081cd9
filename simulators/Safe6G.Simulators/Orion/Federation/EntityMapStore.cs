using System.Collections.Concurrent;

namespace Safe6G.Simulators.Orion.Federation;

/// <summary>
/// Keeps entity maps briefly: a scraper walks the pages within seconds, and a map holds a snapshot of every remote
/// entity (tens of MB at 5,000 IEs), so maps expire after a minute and at most <see cref="MaxMaps"/> are kept.
/// </summary>
internal sealed class EntityMapStore(TimeProvider clock)
{
    public const int MaxMaps = 8;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, EntityMap> _maps = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Add(EntityMap map)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var old in _maps.Values)
                if (now - old.Created > Lifetime) _maps.TryRemove(old.Id, out _);
            while (_maps.Count >= MaxMaps)
            {
                var oldest = _maps.Values.MinBy(m => m.Sequence)!;
                _maps.TryRemove(oldest.Id, out _);
            }
            _maps[map.Id] = map;
        }
    }

    public EntityMap? Get(string id)
    {
        if (!_maps.TryGetValue(id, out var map)) return null;
        return clock.GetUtcNow() - map.Created > Lifetime ? null : map;
    }
}
