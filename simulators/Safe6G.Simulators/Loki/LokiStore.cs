using System.Collections.Concurrent;

namespace Safe6G.Simulators.Loki;

/// <summary>Log streams per tenant (X-Scope-OrgID), each an ordered list of (unix ns, line). Thread-safe.</summary>
public sealed class LokiStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LogStream>> _tenants = new(StringComparer.Ordinal);

    /// <summary>Appends lines to a tenant's stream (created on first use).</summary>
    public void Push(string tenant, IReadOnlyDictionary<string, string> labels, IEnumerable<(long Ns, string Line)> entries)
    {
        var streams = _tenants.GetOrAdd(tenant, _ => new(StringComparer.Ordinal));
        var sorted = new SortedDictionary<string, string>(labels.ToDictionary(), StringComparer.Ordinal);
        var key = string.Join(',', sorted.Select(kv => $"{kv.Key}={kv.Value}"));
        var stream = streams.GetOrAdd(key, _ => new LogStream(sorted));
        lock (stream)
        {
            stream.Entries.AddRange(entries);
            stream.Entries.Sort((a, b) => a.Ns.CompareTo(b.Ns));
        }
    }

    /// <summary>A tenant's streams (none for an unknown tenant, as Loki answers an empty result).</summary>
    public IEnumerable<LogStream> Streams(string tenant) =>
        _tenants.TryGetValue(tenant, out var streams) ? streams.Values : [];
}

/// <summary>One stream: its labels and entries in time order.</summary>
public sealed class LogStream(SortedDictionary<string, string> labels)
{
    /// <summary>Labels.</summary>
    public SortedDictionary<string, string> Labels { get; } = labels;

    /// <summary>Entries (lock the stream to read).</summary>
    public List<(long Ns, string Line)> Entries { get; } = [];
}
