using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Tests;

public sealed class ToscaParserTests
{
    private const string Full = """
        tosca_definitions_version: tosca_simple_yaml_1_3
        description: Chatbot trust function
        serviceOverlay: true
        belongsToTrustFunction: true
        trustFunctionDimension: Security
        node_templates:
          agent:
            type: tosca.nodes.Container.Application
            isJob: false
            trustFunctionElement: aiAgent
            interactsWithContinuum: true
            interactsWithCore: false
            interactsWithService: true
            requirements:
              - network:
                  properties:
                    ports:
                      api: {properties: {protocol: [udp, tcp], source: 9000}}
                    exposePorts: true
              - host:
                  node_filter:
                    capabilities:
                      - host:
                          properties:
                            cpu_usage: {less_or_equal: "0.7"}
                            mem_size: {greater_or_equal: "2 GB"}
                            num_cpus: {greater_or_equal: 2}
                            cpu_arch: {equal: x86_64}
                            realtime: {equal: true}
                            domain_id: {equal: "urn:ngsi-ld:Domain:upv"}
                            energy_efficiency: {greater_or_equal: "40"}
                            green: {greater_or_equal: 0.2}
                            area: {coordinates: [[-0.34, 39.48], [-0.33, 39.49]]}
            artifacts:
              img:
                file: org/agent:2.1
                type: tosca.artifacts.Deployment.Image.Container.Docker
                repository: registry.gitlab.com
                isPrivate: true
                username: bot
                password: s3cret
            interfaces:
              Standard:
                create:
                  implementation: img
                  inputs:
                    cliArgs: [{--mode: fast}]
                    envVars: [{TOKEN_FILE: /run/token}]
          vapp:
            type: tosca.nodes.Container.Application
            trustFunctionElement: vApp
            requirements:
              - host:
                  node_filter:
                    properties:
                      id: [urn:ngsi-ld:InfrastructureElement:upv:02adbf000000, "urn:ngsi-ld:InfrastructureElement:ncsrd:02adbf000001"]
            artifacts:
              chart:
                type: tosca.artifacts.Deployment.Helm
                file: chatbot
                repository: https://charts.example.org/safe6g
                version: 1.4.0
                values: {replicaCount: 2, image: {tag: "1.4"}}
                services: [chatbot-api, chatbot-ws]
          db:
            type: tosca.nodes.Database
        """;

    [Fact]
    public void The_aerios_subset_and_the_safe6g_attributes_are_read()
    {
        var d = ToscaParser.Parse(Full);
        Assert.Equal("Chatbot trust function", d.Description);
        Assert.True(d.ServiceOverlay);
        Assert.True(d.BelongsToTrustFunction);
        Assert.Equal("Security", d.TrustFunctionDimension);
        Assert.Equal(["agent", "vapp"], d.Components.Select(c => c.Name)); // db is not a Container.Application

        var agent = d.Components[0];
        Assert.Equal("aiAgent", agent.TrustFunctionElement);
        Assert.True(agent.InteractsWithContinuum);
        Assert.False(agent.InteractsWithCore);
        Assert.True(agent.ExposePorts);
        Assert.Equal(new PortSpec("api", 9000, "UDP"), Assert.Single(agent.Ports));
        Assert.Equal("registry.gitlab.com/org/agent:2.1", agent.Image!.Reference);
        Assert.True(agent.Image.IsPrivate);
        Assert.Equal([new("--mode", "fast")], agent.CliArgs);
        Assert.Equal([new("TOKEN_FILE", "/run/token")], agent.EnvVars);
        var p = agent.Placement;
        Assert.Equal(0.7, p.MaxCpuUsage);
        Assert.Equal(2e9, p.MemBytes);
        Assert.Equal(2, p.NumCpus);
        Assert.Equal("AMD64", p.Architecture);
        Assert.True(p.Realtime);
        Assert.Equal("upv", p.Domain);
        Assert.Equal(0.4, p.MinEnergyEfficiency!.Value, 6);
        Assert.Equal(0.2, p.Green);
        Assert.Equal(2, p.Area.Count);

        var vapp = d.Components[1];
        Assert.Null(vapp.Image);
        Assert.Equal("chatbot", vapp.Helm!.Chart);
        Assert.Equal("1.4.0", vapp.Helm.Version);
        Assert.Equal(["chatbot-api", "chatbot-ws"], vapp.Helm.Services);
        Assert.Equal(2L, vapp.Helm.Values["replicaCount"]);
        Assert.Equal(["upv:02adbf000000", "ncsrd:02adbf000001"], vapp.Placement.IeIds);
    }

    [Fact]
    public void Every_error_names_its_line_and_field()
    {
        var ex = Assert.Throws<ToscaException>(() => ToscaParser.Parse("""
            tosca_definitions_version: tosca_simple_yaml_1_3
            trustFunctionDimension: Safety
            node_templates:
              app:
                type: tosca.nodes.Container.Application
                colour: blue
                requirements:
                  - host:
                      node_filter:
                        capabilities:
                          - host:
                              properties:
                                cpu_usage: {less_or_equal: 5}
                                cpu_arch: {equal: sparc}
                                mem_size: {greater_or_equal: "lots"}
                artifacts:
                  img:
                    file: x
                    type: tosca.artifacts.Deployment.Image.Container.Docker
                    isPrivate: true
            """));
        Assert.Contains(ex.Errors, e => e.Field == "description" && e.Message.Contains("is required", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Line == 2 && e.Field == "trustFunctionDimension" && e.Message.Contains("belongsToTrustFunction", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Line == 6 && e.Field == "node_templates.app.colour" && e.Message.Contains("unknown field", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Line == 13 && e.Field.EndsWith("properties.cpu_usage", StringComparison.Ordinal) && e.Message.Contains("0..1", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Line == 14 && e.Field.EndsWith("cpu_arch", StringComparison.Ordinal) && e.Message.Contains("sparc", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Line == 15 && e.Field.EndsWith("mem_size", StringComparison.Ordinal) && e.Message.Contains("lots", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Line == 18 && e.Field == "node_templates.app.artifacts.img" && e.Message.Contains("username and password", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "the descriptor must be a YAML mapping")]
    [InlineData("description: x\nnode_templates: {}", "no node template of type tosca.nodes.Container.Application")]
    [InlineData("description: x\nnode_templates:\n  a: {type: [1}", "not valid YAML")]
    [InlineData("description: x\nnode_templates:\n  a:\n    type: tosca.nodes.Container.Application\n", "artifacts is required")]
    [InlineData("description: x\nnode_templates:\n  \"bad name!\":\n    type: tosca.nodes.Container.Application\n    artifacts: {i: {file: a, type: tosca.artifacts.Deployment.Image.Container.Docker}}\n", "node name")]
    [InlineData("description: x\nnode_templates:\n  a:\n    type: tosca.nodes.Container.Application\n    artifacts: {c: {file: a, type: tosca.artifacts.Deployment.Helm}}\n", "repository (the chart repository URL) is required")]
    public void Bad_descriptors_are_rejected_with_the_reason(string yaml, string expected)
    {
        var ex = Assert.Throws<ToscaException>(() => ToscaParser.Parse(yaml));
        Assert.Contains(ex.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_tosca_list_form_of_property_filters_is_accepted()
    {
        var d = ToscaParser.Parse(Fixtures.Container(host: """
                            capabilities:
                              - host:
                                  properties:
                                    - cpu_usage: {less_or_equal: 0.5}
                                    - cpu_arch: {equal: arm64}
            """));
        Assert.Equal(0.5, d.Components[0].Placement.MaxCpuUsage);
        Assert.Equal("ARM64", d.Components[0].Placement.Architecture);
    }
}
