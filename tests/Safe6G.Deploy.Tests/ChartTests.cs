using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Deploy.Tests;

/// <summary>Static checks of charts/ (no helm binary here): metadata, schema, value references, template YAML shape.</summary>
public partial class ChartTests(ExampleFixture example) : IClassFixture<ExampleFixture>
{
    public static TheoryData<string> Charts => new() { "safe6g-exporter", "safe6g-gateway", "safe6g-orchestrator" };

    [Theory]
    [MemberData(nameof(Charts))]
    public void ChartYamlHasTheRequiredFields(string chart)
    {
        var meta = Map(Path.Combine(Dir(chart), "Chart.yaml"));
        Assert.Equal("v2", Scalar(meta, "apiVersion"));
        Assert.Equal(chart, Scalar(meta, "name"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", Scalar(meta, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(meta, "appVersion")));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(meta, "description")));
        Assert.Equal("application", Scalar(meta, "type"));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void ValuesYamlValidatesAgainstValuesSchema(string chart)
    {
        var errors = Validate(chart, File.ReadAllText(Path.Combine(Dir(chart), "values.yaml")));
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void TheSchemaRejectsBadValues(string chart)
    {
        var values = File.ReadAllText(Path.Combine(Dir(chart), "values.yaml"));
        Assert.NotEmpty(Validate(chart, values + "\nnotAValue: 1\n"));
        Assert.NotEmpty(Validate(chart, values.Replace("replicaCount: 1", "replicaCount: one", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void EveryValuesReferenceInTemplatesExistsInValuesYaml(string chart)
    {
        var values = Map(Path.Combine(Dir(chart), "values.yaml"));
        var references = Templates(chart, includeHelpers: true)
            .SelectMany(f => ValuesRef().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Path: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(references);
        var missing = references.Where(r => !Exists(values, r.Path.Trim('.').Split('.'))).Select(r => $"{r.File}: .Values{r.Path}").ToList();
        Assert.True(missing.Count == 0, "missing in values.yaml: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheValuesReferenceCheckCatchesATypo()
    {
        var values = Map(Path.Combine(Dir("safe6g-exporter"), "values.yaml"));
        Assert.True(Exists(values, ["serviceMonitor", "interval"]));
        Assert.False(Exists(values, ["serviceMonitor", "intervall"]));
    }

    [Fact]
    public void EveryEnvironmentVariableTheOrchestratorChartSetsIsOneTheOrchestratorReads()
    {
        // A variable outside the orchestrator's prefix, or naming a field it does not have, would be ignored or refused at
        // start: the chart once set SAFE6G_THANOS_URL, which nothing read.
        var deployment = File.ReadAllText(Path.Combine(Dir("safe6g-orchestrator"), "templates", "deployment.yaml"));
        var names = System.Text.RegularExpressions.Regex.Matches(deployment, @"name: (SAFE6G_\w+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["SAFE6G_ORCHESTRATOR_PROMETHEUS__URL", "SAFE6G_ORCHESTRATOR_STATE_FILE"], names);
        var environment = names.ToDictionary(n => n, _ => "http://thanos-query.monitoring.svc:10902");
        var config = Safe6G.Exporters.Sdk.Config.YamlConfigLoader.Parse<Safe6G.Orchestration.Hosting.OrchestratorConfig>(
            "", "chart", Safe6G.Orchestration.Hosting.OrchestratorConfig.EnvironmentPrefix, environment);
        Assert.Equal("http://thanos-query.monitoring.svc:10902", config.Prometheus.Url);
        Assert.Equal("http://thanos-query.monitoring.svc:10902", config.StateFile);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void EveryTemplateParsesAsYamlWithActionsBlanked(string chart)
    {
        var templates = Templates(chart, includeHelpers: false).ToList();
        // Deployment, Service, ConfigMap and ServiceMonitor each; the orchestrator also has the PVC of its state file.
        Assert.Equal(chart == "safe6g-orchestrator" ? 5 : 4, templates.Count);
        foreach (var t in templates)
        {
            var blanked = Blank(File.ReadAllText(t));
            var stream = new YamlStream();
            stream.Load(new StringReader(blanked));
            var root = Assert.IsType<YamlMappingNode>(stream.Documents.Single().RootNode);
            Assert.False(string.IsNullOrEmpty(Scalar(root, "apiVersion")), t);
            Assert.False(string.IsNullOrEmpty(Scalar(root, "kind")), t);
            Assert.True(root.Children.ContainsKey(new YamlScalarNode("metadata")), t);
        }
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void HelpersCarryTheStandardLabels(string chart)
    {
        var helpers = File.ReadAllText(Path.Combine(Dir(chart), "templates", "_helpers.tpl"));
        foreach (var label in new[] { "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version", "app.kubernetes.io/managed-by", "app.kubernetes.io/part-of", "helm.sh/chart" })
        {
            Assert.Contains(label, helpers, StringComparison.Ordinal);
        }

        var deployment = File.ReadAllText(Path.Combine(Dir(chart), "templates", "deployment.yaml"));
        Assert.Contains($"include \"{chart}.labels\"", deployment, StringComparison.Ordinal);
        Assert.Contains(".Values.securityContext", deployment, StringComparison.Ordinal);
        Assert.Contains(".Values.podSecurityContext", deployment, StringComparison.Ordinal);
        Assert.Contains("if .Values.serviceMonitor.enabled", File.ReadAllText(Path.Combine(Dir(chart), "templates", "servicemonitor.yaml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("safe6g-exporter", "50m", "64Mi")]
    [InlineData("safe6g-gateway", "250m", "128Mi")]
    public void DefaultsAreNonRootWithTheSeedResources(string chart, string cpu, string memory)
    {
        var values = Map(Path.Combine(Dir(chart), "values.yaml"));
        var pod = (YamlMappingNode)values.Children[new YamlScalarNode("podSecurityContext")];
        Assert.Equal("true", Scalar(pod, "runAsNonRoot"));
        var requests = (YamlMappingNode)((YamlMappingNode)values.Children[new YamlScalarNode("resources")]).Children[new YamlScalarNode("requests")];
        Assert.Equal(cpu, Scalar(requests, "cpu"));
        Assert.Equal(memory, Scalar(requests, "memory"));
    }

    [Fact]
    public void GeneratedHelmValuesValidateAgainstTheirChartSchemas()
    {
        var files = example.Result.Files.Where(f => f.EndsWith(".values.yaml", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, files.Count);
        foreach (var f in files)
        {
            var name = Path.GetFileName(f);
            var chart = name.StartsWith("safe6g-exporter-", StringComparison.Ordinal) ? "safe6g-exporter" : name[..name.IndexOf(".values", StringComparison.Ordinal)];
            // Helm validates the chart defaults merged with the user's file, so the same is checked here.
            var merged = Merge(Map(Path.Combine(Dir(chart), "values.yaml")), Map(example.PathOf(f)));
            var errors = Validate(chart, Text(merged));
            Assert.True(errors.Count == 0, $"{f}: {string.Join("; ", errors)}");
        }
    }

    // The generated scrape target for our exporters is the chart's default service name.
    [Fact]
    public void ExporterChartServiceNameMatchesTheGeneratedScrapeTarget()
    {
        var helpers = File.ReadAllText(Path.Combine(Dir("safe6g-exporter"), "templates", "_helpers.tpl"));
        Assert.Contains("(printf \"safe6g-exporter-%s\" .Values.kind)", helpers, StringComparison.Ordinal);
        var config = File.ReadAllText(example.PathOf("domains/upv/prometheus/prometheus-0.yml"));
        Assert.Contains("- safe6g-exporter-datafabric.monitoring.svc:9410", config, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesRef();

    // Helm's whitespace control: "{{-" eats the whitespace (newlines too) before the action, "-}}" the whitespace after.
    [GeneratedRegex(@"\s*\{\{-.*?\}\}")]
    private static partial Regex LeftTrimmedAction();

    [GeneratedRegex(@"\{\{.*?-\}\}\s*")]
    private static partial Regex RightTrimmedAction();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Action();

    private static string Blank(string template) =>
        Action().Replace(RightTrimmedAction().Replace(LeftTrimmedAction().Replace(template, string.Empty), string.Empty), string.Empty);

    private static YamlMappingNode Merge(YamlMappingNode defaults, YamlMappingNode overlay)
    {
        var result = new YamlMappingNode();
        foreach (var (k, v) in defaults.Children)
        {
            result.Children[k] = v;
        }

        foreach (var (k, v) in overlay.Children)
        {
            result.Children[k] = result.Children.TryGetValue(k, out var d) && d is YamlMappingNode dm && v is YamlMappingNode vm ? Merge(dm, vm) : v;
        }

        return result;
    }

    private static string Text(YamlNode node)
    {
        var w = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(w, assignAnchors: false);
        return w.ToString();
    }

    private static string Dir(string chart) => Path.Combine(TestPaths.Charts, chart);

    private static IEnumerable<string> Templates(string chart, bool includeHelpers) =>
        Directory.EnumerateFiles(Path.Combine(Dir(chart), "templates"))
            .Where(f => includeHelpers || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static YamlMappingNode Map(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    private static bool Exists(YamlMappingNode values, IEnumerable<string> path)
    {
        YamlNode node = values;
        foreach (var part in path)
        {
            if (node is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode(part), out var next))
            {
                return false;
            }

            node = next;
        }

        return true;
    }

    private static List<string> Validate(string chart, string valuesYaml)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Dir(chart), "values.schema.json")));
        var json = JsonSerializer.SerializeToElement(YamlJson.Convert(valuesYaml));
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }
}
