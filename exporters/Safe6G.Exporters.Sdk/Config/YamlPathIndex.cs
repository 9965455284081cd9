using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Exporters.Sdk.Config;

/// <summary>
/// Maps YAML field paths (<c>scrape.timeout</c>, <c>brokers[1].url</c>) to their place in the file and back,
/// so that errors found after deserialization still name a line.
/// </summary>
internal sealed class YamlPathIndex
{
    private readonly Dictionary<string, Mark> _byPath = new(StringComparer.Ordinal);
    private readonly List<(Mark Start, Mark End, string Path)> _values = [];

    public static YamlPathIndex Build(string text)
    {
        var index = new YamlPathIndex();
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count > 0)
            index.Walk(stream.Documents[0].RootNode, "");
        return index;
    }

    /// <summary>Where the field is written (its key), if present in the file.</summary>
    public Mark? Find(string path)
    {
        // Fall back to the nearest written parent: a missing field is reported at its section.
        while (true)
        {
            if (_byPath.TryGetValue(path, out var mark))
                return mark;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
                return null;
            path = path[..cut];
        }
    }

    /// <summary>The deepest field whose value spans <paramref name="mark"/>.</summary>
    public string? PathAt(Mark mark)
    {
        // A key or value starting exactly at the mark is the field the error is about.
        var exact = _values.Where(v => v.Start.Index == mark.Index && v.Path.Length > 0 && _byPath.ContainsKey(v.Path))
            .Select(v => v.Path).OrderByDescending(p => p.Length).FirstOrDefault();
        if (exact is not null)
            return exact;
        string? best = null;
        var bestLength = long.MaxValue;
        foreach (var (start, end, path) in _values)
        {
            if (start.Index <= mark.Index && mark.Index <= end.Index && end.Index - start.Index < bestLength)
            {
                best = path;
                bestLength = end.Index - start.Index;
            }
        }
        return best;
    }

    private void Walk(YamlNode node, string path)
    {
        _values.Add((node.Start, node.End, path));
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    _byPath[child] = key.Start;
                    _values.Add((key.Start, key.End, child));
                    Walk(value, child);
                }
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var child = $"{path}[{i}]";
                    _byPath[child] = sequence.Children[i].Start;
                    Walk(sequence.Children[i], child);
                }
                break;
        }
    }
}
