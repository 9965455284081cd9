using System.Text.Json;
using Json.Schema;

namespace Safe6G.Deploy.Tests;

/// <summary>The published JSON schema accepts what the generator accepts, and rejects the shape errors it rejects.</summary>
public class ContinuumSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "thanos", "schema", "continuum.schema.json")));

    [Fact]
    public void ExampleValidates() => AssertValid(File.ReadAllText(TestPaths.Example), true);

    [Fact]
    public void ValidBaseValidates() => AssertValid(ContinuumText.Valid, true);

    [Theory]
    [InlineData("    podCidr: 10.2.0.0/16", "    podCidr: 10.2.0.0/16\n    podcidrs: x")]
    [InlineData("entrypoint: true", "entrypoint: maybe")]
    [InlineData("kind: cmc", "kind: cnc")]
    [InlineData("    bucket: b\n", "")]
    [InlineData("  - name: beta", "  - name: Beta_1")]
    [InlineData("      - kind: cmc", "      - kind: cmc\n        targets: []")]
    [InlineData("      - kind: node_exporter", "      - kind: node_exporter\n        address: x:1")]
    public void ShapeErrorsTheGeneratorRejectsTheSchemaRejectsToo(string find, string replace)
    {
        var text = ContinuumText.Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(ContinuumText.Valid, text);
        Assert.Throws<ContinuumConfigException>(() => ContinuumGenerator.Load(TestPaths.WriteContinuum(text)));
        AssertValid(text, false);
    }

    private static void AssertValid(string yaml, bool expected)
    {
        var json = JsonSerializer.SerializeToElement(YamlJson.Convert(yaml));
        var result = Schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details?.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
        Assert.True(result.IsValid == expected, $"expected valid={expected}; errors: {string.Join("; ", errors)}");
    }
}
