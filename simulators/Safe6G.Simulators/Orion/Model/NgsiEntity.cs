namespace Safe6G.Simulators.Orion.Model;

/// <summary>One entity, immutable: updates build a new instance so readers never see half a write.</summary>
internal sealed class NgsiEntity(string id, string type, DateTimeOffset createdAt, IReadOnlyList<NgsiAttribute> attributes)
{
    public string Id { get; } = id;
    public string Type { get; } = type;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public IReadOnlyList<NgsiAttribute> Attributes { get; } = attributes;

    public NgsiAttribute? Find(string name)
    {
        foreach (var a in Attributes)
            if (string.Equals(a.Name, name, StringComparison.Ordinal)) return a;
        return null;
    }

    public DateTimeOffset ModifiedAt(DateTimeOffset now)
    {
        var latest = CreatedAt;
        foreach (var a in Attributes)
        {
            var m = a.ModifiedAtAt(now);
            if (m > latest) latest = m;
        }
        return latest;
    }

    /// <summary>A copy where the given attributes replace (or are added to) the current ones, in place order.</summary>
    public NgsiEntity With(IEnumerable<NgsiAttribute> changes)
    {
        var list = Attributes.ToList();
        foreach (var change in changes)
        {
            var i = list.FindIndex(a => a.Name == change.Name);
            if (i >= 0) list[i] = change with { CreatedAt = list[i].CreatedAt };
            else list.Add(change);
        }
        return new NgsiEntity(Id, Type, CreatedAt, list);
    }
}
