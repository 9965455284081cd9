using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Deploy.Tests;

/// <summary>YAML to JSON with YAML 1.2 core typing of plain scalars, so a JSON schema can check a YAML file.</summary>
internal static class YamlJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Node(stream.Documents[0].RootNode);
    }

    private static JsonNode? Node(YamlNode n) => n switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Node(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Node).ToArray()),
        YamlScalarNode s => Scalar(s),
        _ => throw new NotSupportedException(n.NodeType.ToString()),
    };

    private static JsonNode? Scalar(YamlScalarNode s)
    {
        if (s.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(s.Value);
        }

        return s.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && char.IsDigit(s.Value[^1]) => JsonValue.Create(d),
            _ => JsonValue.Create(s.Value),
        };
    }
}
