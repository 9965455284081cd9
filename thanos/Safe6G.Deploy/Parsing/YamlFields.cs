using System.Globalization;
using Safe6G.Deploy.Model;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Deploy.Parsing;

/// <summary>
/// Typed, strict access to one YAML mapping: every read records the key as known, so
/// <see cref="RejectUnknown"/> can name a misspelt field with its line.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode node;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    private YamlFields(YamlMappingNode node, string file, string path)
    {
        this.node = node;
        File = file;
        Path = path;
    }

    public string File { get; }

    public string Path { get; }

    public SourceLocation Here => Loc(node, Path);

    public static YamlFields Of(YamlNode node, string file, string path)
    {
        if (node is YamlMappingNode map)
        {
            return new YamlFields(map, file, path);
        }

        throw Loc(node, file, path).Error($"expected a mapping, got {Describe(node)}");
    }

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public SourceLocation At(string key)
    {
        var value = Find(key);
        return value is null ? Here with { Field = Child(key) } : Loc(value, Child(key));
    }

    public bool Has(string key) => Find(key) is not null;

    public string? OptString(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode s && !IsNull(s))
        {
            return s.Value ?? string.Empty;
        }

        throw Loc(value, Child(key)).Error($"expected a string, got {Describe(value)}");
    }

    public string String(string key)
    {
        var value = OptString(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw At(key).Error(value is null ? "required field is missing" : "must not be empty");
        }

        return value;
    }

    public int? OptInt(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain
            && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        throw Loc(value, Child(key)).Error($"expected an integer, got {Describe(value)}");
    }

    public bool? OptBool(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        // YAML 1.2 core schema: only true/false, so "yes" or a quoted "true" is a type error, not a silent guess.
        if (value is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (s.Value is "true" or "True" or "TRUE")
            {
                return true;
            }

            if (s.Value is "false" or "False" or "FALSE")
            {
                return false;
            }
        }

        throw Loc(value, Child(key)).Error($"expected true or false, got {Describe(value)}");
    }

    public YamlFields? OptMap(string key)
    {
        var value = Find(key);
        return value is null || (value is YamlScalarNode s && IsNull(s)) ? null : Of(value, File, Child(key));
    }

    public YamlFields Map(string key) => OptMap(key) ?? throw At(key).Error("required section is missing");

    public IReadOnlyList<YamlNode> OptList(string key)
    {
        var value = Find(key);
        if (value is null || (value is YamlScalarNode s && IsNull(s)))
        {
            return [];
        }

        if (value is YamlSequenceNode seq)
        {
            return seq.Children.ToList();
        }

        throw Loc(value, Child(key)).Error($"expected a list, got {Describe(value)}");
    }

    public IReadOnlyList<string> OptStringList(string key)
    {
        var items = OptList(key);
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode s && !IsNull(s) && !string.IsNullOrWhiteSpace(s.Value))
            {
                result.Add(s.Value!);
            }
            else
            {
                throw Loc(items[i], $"{Child(key)}[{i}]").Error($"expected a non-empty string, got {Describe(items[i])}");
            }
        }

        return result;
    }

    /// <summary>The keys present, in file order (for free-form maps such as label sets).</summary>
    public IReadOnlyList<string> Keys() =>
        node.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? string.Empty).ToList();

    /// <summary>Fails on the first key (in file order) that no reader asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(name))
            {
                var allowed = string.Join(", ", known.Order(StringComparer.Ordinal));
                throw Loc(key, Child(name)).Error($"unknown field '{name}' (allowed here: {allowed})");
            }
        }
    }

    /// <summary>Declares keys that are valid here even if this reader did not read them.</summary>
    public void Allow(params string[] keys)
    {
        foreach (var k in keys)
        {
            known.Add(k);
        }
    }

    public SourceLocation Loc(YamlNode n, string field) => Loc(n, File, field);

    private static SourceLocation Loc(YamlNode n, string file, string field) =>
        new(file, (int)n.Start.Line, (int)n.Start.Column, field);

    private YamlNode? Find(string key)
    {
        known.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string Describe(YamlNode n) => n switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing (null)",
        YamlScalarNode s => $"'{s.Value}'",
        _ => n.NodeType.ToString(),
    };
}
