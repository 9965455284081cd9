namespace Safe6G.Simulators.Orion.Model;

/// <summary>The entities of one tenant in creation order (Orion-LD returns them in that order without orderBy).</summary>
internal sealed class EntityStore
{
    private readonly Lock _gate = new();
    private readonly List<NgsiEntity?> _ordered = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public NgsiEntity[] Snapshot()
    {
        lock (_gate)
        {
            var result = new List<NgsiEntity>(_index.Count);
            foreach (var e in _ordered)
                if (e is not null) result.Add(e);
            return [.. result];
        }
    }

    public NgsiEntity? Get(string id)
    {
        lock (_gate) return _index.TryGetValue(id, out var i) ? _ordered[i] : null;
    }

    public bool TryAdd(NgsiEntity entity)
    {
        lock (_gate)
        {
            if (_index.ContainsKey(entity.Id)) return false;
            _index[entity.Id] = _ordered.Count;
            _ordered.Add(entity);
            return true;
        }
    }

    /// <summary>Applies <paramref name="update"/> atomically; null when the entity does not exist.</summary>
    public NgsiEntity? Update(string id, Func<NgsiEntity, NgsiEntity> update)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(id, out var i) || _ordered[i] is not { } current) return null;
            var next = update(current);
            _ordered[i] = next;
            return next;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_index.Remove(id, out var i)) return false;
            _ordered[i] = null;
            return true;
        }
    }
}
