using System.Text;

namespace Safe6G.Deploy.Emit;

/// <summary>Generated files by relative path; written in ordinal order with LF endings so output is byte-identical run to run.</summary>
internal sealed class OutputSet
{
    private readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Paths => files.Keys;

    public void Add(string path, string content)
    {
        if (!files.TryAdd(path, content))
        {
            throw new InvalidOperationException($"generator bug: {path} produced twice");
        }
    }

    public string this[string path] => files[path];

    public void WriteTo(string outDir)
    {
        var utf8 = new UTF8Encoding(false);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(outDir, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content, utf8);
        }
    }
}
