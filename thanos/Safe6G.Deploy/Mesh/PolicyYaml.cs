using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Safe6G.Deploy.Mesh;

/// <summary>Strict YAML (de)serialisation of <see cref="CiliumPolicy"/>: unknown fields fail, output order is fixed.</summary>
public static class PolicyYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithQuotingNecessaryStrings()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .DisableAliases()
        .Build();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static string Write(CiliumPolicy policy, string? header = null) =>
        (header is null ? string.Empty : $"# {header}\n") + Serializer.Serialize(policy).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Reads every document of a (multi-document) YAML text; unknown fields throw.</summary>
    public static List<CiliumPolicy> ReadAll(string text)
    {
        IParser parser = new Parser(new StringReader(text));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var result = new List<CiliumPolicy>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            result.Add(Deserializer.Deserialize<CiliumPolicy>(parser));
        }

        return result;
    }
}
