namespace Safe6G.Gateway.Datasets;

/// <summary>
/// Samples parked in a temp file (series id, unix ms, value: 20 bytes each) while chunks are fetched, so the label
/// columns are known before the first row is written and memory stays flat in the range length.
/// </summary>
public sealed class SampleSpool : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"safe6g-dataset-{Guid.NewGuid():N}.spool");
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    /// <summary>Creates the temp file (deleted on dispose).</summary>
    public SampleSpool()
    {
        _file = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file);
    }

    /// <summary>Samples written.</summary>
    public long Count { get; private set; }

    /// <summary>Appends a sample.</summary>
    public void Add(int series, long ms, double value)
    {
        _writer.Write(series);
        _writer.Write(ms);
        _writer.Write(value);
        Count++;
    }

    /// <summary>Reads the samples back in the order written, in batches of at most <paramref name="batch"/>.</summary>
    public IEnumerable<SampleBatch> Read(int batch)
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        var remaining = Count;
        while (remaining > 0)
        {
            var n = (int)Math.Min(batch, remaining);
            var b = new SampleBatch(n);
            for (var i = 0; i < n; i++)
            {
                b.Series[i] = reader.ReadInt32();
                b.Milliseconds[i] = reader.ReadInt64();
                b.Values[i] = reader.ReadDouble();
            }

            remaining -= n;
            yield return b;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}

/// <summary>A batch of spooled samples as parallel arrays.</summary>
public sealed class SampleBatch(int count)
{
    /// <summary>Rows in the batch.</summary>
    public int Count { get; } = count;

    /// <summary>Series ids.</summary>
    public int[] Series { get; } = new int[count];

    /// <summary>Unix milliseconds.</summary>
    public long[] Milliseconds { get; } = new long[count];

    /// <summary>Values.</summary>
    public double[] Values { get; } = new double[count];
}
