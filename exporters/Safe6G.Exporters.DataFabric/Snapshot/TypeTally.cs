namespace Safe6G.Exporters.DataFabric.Snapshot;

/// <summary>Per entity type bookkeeping of one scrape: ids seen, entities skipped and attributes rejected, with reasons.</summary>
internal sealed class TypeTally(string type)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);

    public string Type { get; } = type;

    public int Accepted => _ids.Count;

    public Dictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> InvalidAttributes { get; } = new(StringComparer.Ordinal);

    public List<string> Examples { get; } = [];

    /// <summary>Registers an id; false (and counted) when it was already seen in this scrape.</summary>
    public bool Accept(string id)
    {
        if (_ids.Add(id))
            return true;
        Skip("duplicate", id);
        return false;
    }

    public void Skip(string reason, string what)
    {
        Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
        Note("skip:" + reason, $"skipped {what}: {reason}");
    }

    public void InvalidAttribute(string attribute, string id)
    {
        InvalidAttributes[attribute] = InvalidAttributes.GetValueOrDefault(attribute) + 1;
        Note("attribute:" + attribute, $"{id}: attribute {attribute} has the wrong type");
    }

    // A few examples per scrape are enough for the log, the counts carry the rest; but every distinct reason gets its
    // first example, so a count on /metrics always has a log line that explains it.
    private void Note(string key, string message)
    {
        if (_noted.Add(key) || Examples.Count < 5)
            Examples.Add(message);
    }
}
