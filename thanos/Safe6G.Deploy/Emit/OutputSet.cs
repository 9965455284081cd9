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

    /// <summary>Lists what the last generation wrote, so the next one can remove what it no longer produces.</summary>
    public const string ManifestName = ".safe6g-generated";

    /// <summary>Writes every file, then deletes files listed in the previous manifest that this run did not produce.</summary>
    public void WriteTo(string outDir)
    {
        var utf8 = new UTF8Encoding(false);
        var manifest = Path.Combine(outDir, ManifestName);
        var previous = File.Exists(manifest) ? File.ReadAllLines(manifest) : [];
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(outDir, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content, utf8);
        }

        // Only files we generated before are removed; anything else in the folder is left alone.
        foreach (var stale in previous.Where(p => p.Length > 0 && !files.ContainsKey(p) && !p.Contains("..", StringComparison.Ordinal)))
        {
            var full = Path.Combine(outDir, stale.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(full))
            {
                File.Delete(full);
            }
        }

        File.WriteAllText(manifest, string.Concat(files.Keys.Select(k => k + "\n")), utf8);
    }
}
