namespace Safe6G.Orchestration.Continuum;

/// <summary>The IEs as read at one instant, with what could not be read (so the API can say so).</summary>
public sealed record ContinuumSnapshot(IReadOnlyList<IeState> Ies, DateTimeOffset ReadAt)
{
    private Dictionary<string, IeState>? _byId;

    public IeState? Find(string id)
    {
        _byId ??= Ies.ToDictionary(ie => ie.Id, StringComparer.Ordinal);
        return _byId.GetValueOrDefault(ContinuumIds.IeShort(id));
    }
}
