using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Orchestration.Tosca;

/// <summary>A YAML node with its field path; readers record errors with line and path instead of throwing.</summary>
internal readonly record struct YamlNav(YamlNode Node, string Path, List<ToscaError> Errors)
{
    public void Error(string message) => Errors.Add(new ToscaError((int)Node.Start.Line, (int)Node.Start.Column, Path, message));

    private string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public IEnumerable<(string Key, YamlNav Value)> Entries(params string[] known)
    {
        if (Node is not YamlMappingNode map)
        {
            Error("must be a mapping");
            yield break;
        }
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            var nav = new YamlNav(v, Child(key), Errors);
            if (known.Length > 0 && Array.IndexOf(known, key) < 0)
            {
                new YamlNav(k, Child(key), Errors).Error($"unknown field (expected one of: {string.Join(", ", known)})");
                continue;
            }
            yield return (key, nav);
        }
    }

    public YamlNav? Get(string key)
    {
        if (Node is YamlMappingNode map)
            foreach (var (k, v) in map.Children)
                if (k is YamlScalarNode s && s.Value == key)
                    return new YamlNav(v, Child(key), Errors);
        return null;
    }

    public IEnumerable<YamlNav> Items()
    {
        if (Node is not YamlSequenceNode seq)
        {
            Error("must be a list");
            yield break;
        }
        var i = 0;
        foreach (var item in seq.Children)
            yield return new YamlNav(item, $"{Path}[{i++}]", Errors);
    }

    public bool IsMap => Node is YamlMappingNode;
    public bool IsList => Node is YamlSequenceNode;
    public bool IsScalar => Node is YamlScalarNode;

    public string? Str()
    {
        if (Node is YamlScalarNode s)
            return s.Value;
        Error("must be a text value");
        return null;
    }

    public bool? Bool()
    {
        var text = Str();
        if (text is null) return null;
        if (bool.TryParse(text, out var b)) return b;
        Error($"'{text}' is not true or false");
        return null;
    }

    public double? Number()
    {
        var text = Str();
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
        Error($"'{text}' is not a number");
        return null;
    }

    /// <summary>Plain YAML into CLR values (maps, lists, strings/bools/numbers), for Helm values.</summary>
    public object? ToObject() => ToObject(Node);

    private static object? ToObject(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => ToObject(kv.Value), StringComparer.Ordinal),
        YamlSequenceNode s => s.Children.Select(ToObject).ToList(),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p => Scalar(p.Value),
        YamlScalarNode q => q.Value,
        _ => null,
    };

    private static object? Scalar(string? text) => text switch
    {
        null or "~" or "null" => null,
        "true" => true,
        "false" => false,
        _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => text,
    };
}
