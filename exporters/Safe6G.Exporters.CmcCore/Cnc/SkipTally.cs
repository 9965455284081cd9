using System.Collections.Concurrent;

namespace Safe6G.Exporters.CmcCore.Cnc;

/// <summary>Records left out of a scrape (wrong types, missing keys), counted per endpoint and reason, with a few examples for the log.</summary>
public sealed class SkipTally
{
    private const int MaxExamples = 3;
    private readonly ConcurrentDictionary<(string Endpoint, string Reason), int> _counts = new();
    private readonly ConcurrentQueue<string> _examples = new();

    /// <summary>Counts one skipped record.</summary>
    public void Skip(string endpoint, string reason, string example)
    {
        _counts.AddOrUpdate((endpoint, reason), 1, (_, n) => n + 1);
        if (_examples.Count < MaxExamples)
            _examples.Enqueue($"{endpoint}: {reason}: {example}");
    }

    /// <summary>The counts so far.</summary>
    public IReadOnlyDictionary<(string Endpoint, string Reason), int> Counts => _counts;

    /// <summary>A few examples for one log line.</summary>
    public IEnumerable<string> Examples => _examples;
}
