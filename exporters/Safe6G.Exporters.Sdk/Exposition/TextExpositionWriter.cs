using System.Buffers;
using System.Globalization;
using System.Text;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.Sdk.Exposition;

/// <summary>
/// Writes snapshots as Prometheus text 0.0.4 or OpenMetrics 1.0 straight into a pooled buffer. prometheus-net's
/// serializer needs a registry with a child object per series; for a 10,000-series scrape that was 98% of the
/// scrape cost and 5.8 MB of garbage (bench/README.md), so snapshots take this allocation-light path while the
/// exporter's own few self metrics still go through prometheus-net.
/// </summary>
public sealed class TextExpositionWriter : IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly Stream _output;
    private readonly bool _openMetrics;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _used;

    /// <summary>Creates a writer on <paramref name="output"/>.</summary>
    public TextExpositionWriter(Stream output, bool openMetrics)
    {
        _output = output;
        _openMetrics = openMetrics;
    }

    /// <summary>Writes all families of all snapshots; families with the same name are written once, merged.</summary>
    public async Task WriteAsync(IReadOnlyList<MetricSnapshot> snapshots, bool writeEof, CancellationToken cancellationToken)
    {
        foreach (var group in GroupByName(snapshots))
        {
            var first = group[0];
            WriteHeader(first);
            foreach (var family in group)
            {
                if (family.Type != first.Type || !family.LabelNames.AsSpan().SequenceEqual(first.LabelNames))
                    continue; // Two sources disagreeing on a family's shape: keep the first shape, never emit an invalid body.
                foreach (var sample in family.Samples)
                {
                    WriteSample(family, sample);
                    if (_used > ChunkSize - 4096)
                        await FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        if (writeEof && _openMetrics)
            Append("# EOF\n"u8);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private static List<List<MetricFamily>> GroupByName(IReadOnlyList<MetricSnapshot> snapshots)
    {
        var groups = new List<List<MetricFamily>>();
        Dictionary<string, List<MetricFamily>>? byName = snapshots.Count > 1 ? new(StringComparer.Ordinal) : null;
        foreach (var snapshot in snapshots)
        {
            foreach (var family in snapshot.Families)
            {
                if (byName is not null && byName.TryGetValue(family.Name, out var existing))
                {
                    existing.Add(family);
                    continue;
                }
                var group = new List<MetricFamily>(1) { family };
                byName?.Add(family.Name, group);
                groups.Add(group);
            }
        }
        return groups;
    }

    private void WriteHeader(MetricFamily family)
    {
        // OpenMetrics names a counter family without its _total suffix; the samples keep it.
        var familyName = _openMetrics && family.Type == MetricType.Counter ? family.Name[..^"_total".Length] : family.Name;
        Append("# HELP "u8);
        AppendAscii(familyName);
        Append(" "u8);
        AppendEscaped(family.Help, escapeQuote: _openMetrics);
        Append("\n# TYPE "u8);
        AppendAscii(familyName);
        Append(family.Type switch
        {
            MetricType.Counter => " counter\n"u8,
            MetricType.Untyped => _openMetrics ? " unknown\n"u8 : " untyped\n"u8,
            _ => " gauge\n"u8,
        });
    }

    private void WriteSample(MetricFamily family, MetricSample sample)
    {
        AppendAscii(family.Name);
        var names = family.LabelNames;
        if (names.Length > 0)
        {
            Append("{"u8);
            for (var i = 0; i < names.Length; i++)
            {
                if (i > 0)
                    Append(","u8);
                AppendAscii(names[i]);
                Append("=\""u8);
                AppendEscaped(sample.LabelValues[i], escapeQuote: true);
                Append("\""u8);
            }
            Append("}"u8);
        }
        Append(" "u8);
        AppendValue(sample.Value);
        Append("\n"u8);
    }

    private void AppendValue(double value)
    {
        if (double.IsNaN(value))
        {
            Append("NaN"u8);
            return;
        }
        if (double.IsPositiveInfinity(value))
        {
            Append("+Inf"u8);
            return;
        }
        if (double.IsNegativeInfinity(value))
        {
            Append("-Inf"u8);
            return;
        }
        Ensure(32);
        var span = _buffer.AsSpan(_used);
        int written;
        // Whole numbers print as integers (counters, counts); the rest round-trip exactly.
        var ok = Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? ((long)value).TryFormat(span, out written, default, CultureInfo.InvariantCulture)
            : value.TryFormat(span, out written, "R", CultureInfo.InvariantCulture);
        if (!ok)
            throw new InvalidOperationException("value did not fit the buffer");
        _used += written;
    }

    private void AppendEscaped(string text, bool escapeQuote)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length) * 2 + 2);
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '\\':
                    Append("\\\\"u8);
                    break;
                case '\n':
                    Append("\\n"u8);
                    break;
                case '"' when escapeQuote:
                    Append("\\\""u8);
                    break;
                default:
                    _used += rune.EncodeToUtf8(_buffer.AsSpan(_used));
                    break;
            }
        }
    }

    private void AppendAscii(string name)
    {
        Ensure(name.Length);
        // Names are validated to ASCII when families are made.
        _used += Encoding.ASCII.GetBytes(name, _buffer.AsSpan(_used));
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (_used + bytes <= _buffer.Length)
            return;
        // Grow within one sample rather than flush mid-line synchronously; flushes happen between samples.
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + bytes));
        _buffer.AsSpan(0, _used).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_used == 0)
            return;
        await _output.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken).ConfigureAwait(false);
        _used = 0;
    }
}
