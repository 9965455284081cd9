using Safe6G.Deploy.Mesh;
using Safe6G.Orchestration.Deployment;
using Safe6G.Orchestration.Tosca;
using YamlDotNet.RepresentationModel;
using static Safe6G.Orchestration.Tests.Fixtures;

namespace Safe6G.Orchestration.Tests;

public sealed class DeploymentPlannerTests
{
    private static List<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static string S(YamlNode node, params string[] path)
    {
        foreach (var key in path)
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return ((YamlScalarNode)node).Value!;
    }

    [Fact]
    public void A_container_component_becomes_a_deployment_pinned_to_the_ie_and_a_service()
    {
        var d = ToscaParser.Parse(Container("web"));
        var plan = DeploymentPlanner.Plan("shop", d, d.Components[0], Ie("upv:0a"), "apps");
        Assert.Equal(DeploymentPlan.KubernetesManifest, plan.Kind);
        var docs = Documents(plan.Yaml);
        Assert.Equal(2, docs.Count);
        Assert.Equal("apps/v1", S(docs[0], "apiVersion"));
        Assert.Equal("Deployment", S(docs[0], "kind"));
        Assert.Equal("shop-web", S(docs[0], "metadata", "name"));
        Assert.Equal("apps", S(docs[0], "metadata", "namespace"));
        Assert.Equal("upv-0a-host", S(docs[0], "spec", "template", "spec", "nodeSelector", "kubernetes.io/hostname"));
        Assert.Equal("Service", S(docs[1], "kind"));
        Assert.DoesNotContain(MeshLabels.Role, plan.Yaml); // not a trust function: no TF labels, no ServiceExport
    }

    [Fact]
    public void A_trust_function_component_gets_the_tf_labels_and_a_service_export_per_service()
    {
        var yaml = Container("agent").Replace("description: test service", "description: tf\nbelongsToTrustFunction: true", StringComparison.Ordinal);
        var d = ToscaParser.Parse(yaml);
        var docs = Documents(DeploymentPlanner.Plan("chatbot", d, d.Components[0], Ie("upv:0a"), "apps").Yaml);
        Assert.Equal(3, docs.Count);
        Assert.Equal(MeshLabels.Tf, S(docs[0], "spec", "template", "metadata", "labels", MeshLabels.Role));
        Assert.Equal("chatbot", S(docs[0], "spec", "template", "metadata", "labels", MeshLabels.TrustFunction));
        Assert.Equal(ServiceExports.ApiVersion, S(docs[2], "apiVersion"));
        Assert.Equal("ServiceExport", S(docs[2], "kind"));
        Assert.Equal(S(docs[1], "metadata", "name"), S(docs[2], "metadata", "name")); // exports the component's Service
    }

    [Fact]
    public void A_helm_trust_function_component_gets_a_release_plan_and_exports_its_declared_services()
    {
        var d = ToscaParser.Parse("""
            description: tf
            belongsToTrustFunction: true
            node_templates:
              vapp:
                type: tosca.nodes.Container.Application
                artifacts:
                  chart:
                    type: tosca.artifacts.Deployment.Helm
                    file: chatbot
                    repository: https://charts.example.org
                    version: 1.4.0
                    isPrivate: true
                    username: u
                    password: p4ss
                    values: {replicaCount: 2}
                    services: [chatbot-api, chatbot-ws]
            """);
        var plan = DeploymentPlanner.Plan("chatbot", d, d.Components[0], Ie("upv:0a"), "apps");
        Assert.Equal(DeploymentPlan.HelmRelease, plan.Kind);
        var docs = Documents(plan.Yaml);
        Assert.Equal("HelmReleasePlan", S(docs[0], "kind"));
        Assert.Equal("chatbot", S(docs[0], "chart", "name"));
        Assert.Equal("1.4.0", S(docs[0], "chart", "version"));
        Assert.Equal("2", S(docs[0], "values", "replicaCount"));
        Assert.Equal("upv-0a-host", S(docs[0], "values", "nodeSelector", "kubernetes.io/hostname"));
        Assert.Equal(MeshLabels.Tf, S(docs[0], "values", "podLabels", MeshLabels.Role));
        Assert.Equal(["chatbot-api", "chatbot-ws"], docs.Skip(1).Select(x => S(x, "metadata", "name")));
        Assert.All(docs.Skip(1), x => Assert.Equal("ServiceExport", S(x, "kind")));
        Assert.DoesNotContain("p4ss", plan.Yaml); // credentials stay out of plans
    }
}
