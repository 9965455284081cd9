namespace Safe6G.Gateway.Datasets;

/// <summary>
/// The distinct series of an export (labels → id) and, per series, its gaps: runs of missing steps between its
/// first possible and last step (Prometheus leaves a step out when the series was absent or stale there).
/// Memory grows with series and gaps, never with the number of samples.
/// </summary>
public sealed class SeriesTable
{
    /// <summary>Gaps recorded per series at most; further gaps are only counted.</summary>
    public const int MaxGapsPerSeries = 1000;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<Series> _series = [];
    private readonly long _startMs;
    private readonly long _stepMs;

    /// <summary>Creates a table for a range starting at <paramref name="startMs"/>.</summary>
    public SeriesTable(long startMs, long stepMs)
    {
        _startMs = startMs;
        _stepMs = stepMs;
    }

    /// <summary>The series, by id.</summary>
    public IReadOnlyList<Series> All => _series;

    /// <summary>Label names over all series, sorted ordinally with __name__ first (the stable column order).</summary>
    public IReadOnlyList<string> LabelNames()
    {
        var names = _series.SelectMany(s => s.Labels.Keys).Distinct(StringComparer.Ordinal).ToList();
        names.Sort((a, b) => a == "__name__" ? -1 : b == "__name__" ? 1 : string.CompareOrdinal(a, b));
        return names;
    }

    /// <summary>The id of a series, adding it when new.</summary>
    public int Intern(SortedDictionary<string, string> labels)
    {
        var key = string.Join('\u0001', labels.Select(kv => kv.Key + "\u0002" + kv.Value));
        if (!_ids.TryGetValue(key, out var id))
        {
            id = _series.Count;
            _ids[key] = id;
            _series.Add(new Series(labels, _startMs - _stepMs));
        }

        return id;
    }

    /// <summary>Records that a series has a sample at <paramref name="ms"/> (samples come in time order per series).</summary>
    public void Seen(int id, long ms)
    {
        var s = _series[id];
        if (ms - s.LastMs > _stepMs && s.LastMs >= _startMs - _stepMs)
        {
            s.AddGap(s.LastMs + _stepMs, ms - _stepMs, _stepMs);
        }

        s.LastMs = ms;
        s.Samples++;
    }

    /// <summary>Closes trailing gaps at the end of the range.</summary>
    public void Finish(long endMs)
    {
        foreach (var s in _series)
        {
            var lastStep = _startMs + ((endMs - _startMs) / _stepMs * _stepMs);
            if (s.LastMs < lastStep)
            {
                s.AddGap(s.LastMs + _stepMs, lastStep, _stepMs);
            }
        }
    }

    /// <summary>One series: its labels, sample count and gaps.</summary>
    public sealed class Series(SortedDictionary<string, string> labels, long lastMs)
    {
        /// <summary>Labels (sorted).</summary>
        public SortedDictionary<string, string> Labels { get; } = labels;

        /// <summary>Samples seen.</summary>
        public long Samples { get; internal set; }

        /// <summary>Missing steps in total.</summary>
        public long MissingSteps { get; private set; }

        /// <summary>Gaps as [from, to] in unix ms (inclusive; both are steps that had no sample).</summary>
        public List<(long FromMs, long ToMs)> Gaps { get; } = [];

        internal long LastMs { get; set; } = lastMs;

        internal void AddGap(long from, long to, long step)
        {
            MissingSteps += ((to - from) / step) + 1;
            if (Gaps.Count < MaxGapsPerSeries)
            {
                Gaps.Add((from, to));
            }
        }
    }
}
