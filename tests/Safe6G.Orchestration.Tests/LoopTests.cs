using System.Net;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Grpc;
using Safe6G.Orchestration.Hosting;
using Safe6G.Orchestration.Tosca;
using Safe6G.Testing;

namespace Safe6G.Orchestration.Tests;

/// <summary>Simulator → Data Fabric exporter → real Prometheus → orchestrator → back to the broker.</summary>
public sealed class LoopTests
{
    private const string Constrained = """
        tosca_definitions_version: tosca_simple_yaml_1_3
        description: constrained trust function
        belongsToTrustFunction: true
        trustFunctionDimension: Safety
        node_templates:
          agent:
            type: tosca.nodes.Container.Application
            trustFunctionElement: aiAgent
            requirements:
              - network: {properties: {ports: {api: {properties: {protocol: [tcp], source: 9000}}}}}
              - host:
                  node_filter:
                    capabilities:
                      - host:
                          properties:
                            cpu_usage: {less_or_equal: 0.8}
                            mem_size: {greater_or_equal: "500 MB"}
                            cpu_arch: {equal: x86_64}
                            domain_id: {equal: "urn:ngsi-ld:Domain:upv"}
            artifacts: {img: {file: safe6g/agent:1.0, type: tosca.artifacts.Deployment.Image.Container.Docker}}
          napp:
            type: tosca.nodes.Container.Application
            trustFunctionElement: nApp
            requirements:
              - host:
                  node_filter:
                    capabilities:
                      - host:
                          properties:
                            cpu_usage: {less_or_equal: 0.8}
                            mem_size: {greater_or_equal: "500 MB"}
                            cpu_arch: {equal: x86_64}
            artifacts: {img: {file: safe6g/napp:1.0, type: tosca.artifacts.Deployment.Image.Container.Docker}}
          vapp:
            type: tosca.nodes.Container.Application
            trustFunctionElement: vApp
            requirements:
              - host:
                  node_filter:
                    capabilities:
                      - host:
                          properties:
                            mem_size: {greater_or_equal: "500 MB"}
                            cpu_arch: {equal: arm64}
            artifacts: {img: {file: safe6g/vapp:1.0, type: tosca.artifacts.Deployment.Image.Container.Docker}}
        """;

    // Independent of the orchestrator's reader: the IEs PromQL itself says satisfy the constraints.
    private const string Ready = "(datafabric_infrastructure_element_status{status=\"Ready\"} == 1)";
    private const string AmdAllowed = "datafabric_infrastructure_element_info{cpu_architecture=\"AMD64\"} and on(ie) " + Ready
        + " and on(ie) (datafabric_infrastructure_element_cpu_usage_ratio < 0.8) and on(ie) (datafabric_infrastructure_element_ram_available_bytes > 500e6)";
    private const string ArmAllowed = "datafabric_infrastructure_element_info{cpu_architecture=\"ARM64\"} and on(ie) " + Ready
        + " and on(ie) (datafabric_infrastructure_element_ram_available_bytes > 500e6)";

    [Fact]
    public async Task Placements_respect_every_hard_constraint_are_written_back_and_move_off_an_overloaded_ie()
    {
        await using var loop = await LoopFixture.StartAsync();
        await using var api = await ApiClient.StartAsync(null, c =>
        {
            c.Domain = "upv";
            c.Prometheus = new PrometheusSettings { Url = loop.Prometheus.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
            c.Broker = new BrokerSettings { Url = loop.Broker.BaseAddress.ToString() };
        });
        var amd = await loop.IesAsync(AmdAllowed);
        var arm = await loop.IesAsync(ArmAllowed);
        Assert.NotEmpty(amd);
        Assert.NotEmpty(arm);

        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/e2e", Constrained)).StatusCode);
        var service = await api.SettledAsync("e2e");
        Assert.Equal("DEPLOYED", service.Action);
        var placed = service.Components.ToDictionary(c => c.Name, c => ContinuumIds.IeShort(c.InfrastructureElement!));
        Assert.Contains(placed["agent"], amd);
        Assert.Contains(placed["napp"], amd);
        Assert.Contains(placed["vapp"], arm);
        Assert.All(service.Components, c => Assert.Equal(LoopFixture.Scale, c.Explanation!.Candidates));
        // Unknown values are rejected, never guessed: the simulator has IEs with no CPU/RAM sample.
        Assert.Contains(service.Components, c => c.Explanation!.RejectionsByRule.ContainsKey("cpu_unknown") || c.Explanation.RejectionsByRule.ContainsKey("ram_unknown"));
        Assert.Contains("ServiceExport", service.Components[0].DeploymentPlan!.Yaml);

        // Written back: the exporter sees the placements in the broker.
        await loop.Prometheus.WaitForValueAsync("count(datafabric_service_component_info{service=\"e2e\",status=\"Running\"})", v => v == 3, TimeSpan.FromSeconds(30));
        foreach (var (name, ie) in placed)
            await loop.Prometheus.WaitForValueAsync($"count(datafabric_service_component_info{{service=\"e2e\",component=\"{name}\",ie=\"{ie}\",domain=\"upv\"}})",
                v => v == 1, TimeSpan.FromSeconds(30));

        // The agent's IE becomes overloaded: polling moves it, and the broker hears of it.
        var from = placed["agent"];
        await loop.SetStatusAsync(from, "Overload");
        await loop.Prometheus.WaitForValueAsync($"datafabric_infrastructure_element_status{{ie=\"{from}\",status=\"Overload\"}}", v => v == 1, TimeSpan.FromSeconds(30));
        Assert.True(await api.Host.Orchestrator.CheckOverloadsAsync(CancellationToken.None) >= 1);
        var moved = (await api.SettledAsync("e2e")).Components.Single(c => c.Name == "agent");
        Assert.Equal("Running", moved.ServiceComponentStatus);
        var to = ContinuumIds.IeShort(moved.InfrastructureElement!);
        Assert.NotEqual(from, to);
        Assert.Contains(to, amd);
        await loop.Prometheus.WaitForValueAsync($"count(datafabric_service_component_info{{service=\"e2e\",component=\"agent\",ie=\"{to}\"}})", v => v == 1, TimeSpan.FromSeconds(30));

        // No IE fits: Failed, with the reason.
        var impossible = Constrained.Replace("urn:ngsi-ld:Domain:upv", "urn:ngsi-ld:Domain:nowhere", StringComparison.Ordinal);
        await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/nofit", impossible);
        var failed = await api.SettledAsync("nofit");
        Assert.Equal("FAILED", failed.Action);
        Assert.Contains("domain", failed.Components.Single(c => c.Name == "agent").Reason);
        await loop.Prometheus.WaitForValueAsync("count(datafabric_service_component_info{service=\"nofit\",status=\"Failed\"})", v => v >= 1, TimeSpan.FromSeconds(30));

        // Purge removes the entities from the broker too.
        await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/e2e");
        await api.SettledAsync("e2e");
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/e2e/purge")).StatusCode);
        await loop.Prometheus.WaitForValueAsync("count(datafabric_service_component_info{service=\"e2e\"}) or vector(0)", v => v == 0, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Real_time_energy_efficiency_and_an_ie_pool_are_respected_from_live_metrics()
    {
        await using var loop = await LoopFixture.StartAsync();
        await using var api = await ApiClient.StartAsync(null, c =>
            c.Prometheus = new PrometheusSettings { Url = loop.Prometheus.BaseUrl, Timeout = TimeSpan.FromSeconds(10) });
        // What PromQL itself says satisfies each component's constraints.
        var realtimeEfficient = await loop.IesAsync("datafabric_infrastructure_element_info and on(ie) " + Ready
            + " and on(ie) (datafabric_infrastructure_element_realtime_capable == 1)"
            + " and on(ie) (datafabric_infrastructure_element_energy_efficiency_ratio >= 0.4)");
        var ready = (await loop.IesAsync("datafabric_infrastructure_element_info and on(ie) " + Ready)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(realtimeEfficient);
        Assert.True(ready.Count >= 3, $"{ready.Count} Ready IEs");
        var pool = ready.Take(2).ToList();

        var descriptor = $$$"""
            description: realtime, efficiency and a pool
            node_templates:
              rt:
                type: tosca.nodes.Container.Application
                requirements:
                  - host:
                      node_filter:
                        capabilities:
                          - host:
                              properties:
                                realtime: {equal: true}
                                energy_efficiency: {greater_or_equal: 0.4}
                artifacts: {img: {file: safe6g/rt:1.0, type: tosca.artifacts.Deployment.Image.Container.Docker}}
              pinned:
                type: tosca.nodes.Container.Application
                requirements:
                  - host:
                      node_filter:
                        properties: {id: [{{{ContinuumIds.IeUrn(pool[0])}}}, {{{ContinuumIds.IeUrn(pool[1])}}}]}
                artifacts: {img: {file: safe6g/pinned:1.0, type: tosca.artifacts.Deployment.Image.Container.Docker}}
            """;
        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/rt", descriptor)).StatusCode);
        var service = await api.SettledAsync("rt");
        Assert.Equal("DEPLOYED", service.Action);
        var placed = service.Components.ToDictionary(c => c.Name, c => ContinuumIds.IeShort(c.InfrastructureElement!));
        Assert.Contains(placed["rt"], realtimeEfficient);
        Assert.Contains(placed["pinned"], pool);

        // A pool of IEs none of which is real-time capable cannot host a real-time component: Failed, with the reason.
        // (Ready, with CPU and RAM known, so that real time is the only rule left to fail.)
        var notRealtime = await loop.IesAsync("datafabric_infrastructure_element_info and on(ie) " + Ready
            + " and on(ie) datafabric_infrastructure_element_cpu_usage_ratio and on(ie) datafabric_infrastructure_element_ram_available_bytes"
            + " and on(ie) (datafabric_infrastructure_element_realtime_capable == 0)");
        Assert.NotEmpty(notRealtime);
        var someNotRealtime = notRealtime.Order(StringComparer.Ordinal).First();
        var impossible = $$$"""
            description: nowhere real-time
            node_templates:
              rt:
                type: tosca.nodes.Container.Application
                requirements:
                  - host:
                      node_filter:
                        properties: {id: [{{{ContinuumIds.IeUrn(someNotRealtime)}}}]}
                        capabilities:
                          - host:
                              properties:
                                realtime: {equal: true}
                artifacts: {img: {file: safe6g/rt:1.0, type: tosca.artifacts.Deployment.Image.Container.Docker}}
            """;
        await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/nort", impossible);
        var failed = await api.SettledAsync("nort");
        Assert.Equal("FAILED", failed.Action);
        Assert.True(failed.Components.Single().Reason?.Contains("real", StringComparison.OrdinalIgnoreCase) == true, failed.Components.Single().Reason);
    }

    [Fact]
    public async Task The_grpc_allocator_decides_from_aerios_shaped_messages_within_the_constraints()
    {
        await using var loop = await LoopFixture.StartAsync();
        await using var api = await ApiClient.StartAsync(null, c => c.Prometheus = new PrometheusSettings { Url = loop.Prometheus.BaseUrl });
        var reader = new PrometheusContinuumReader(Http.Client, new Uri(loop.Prometheus.BaseUrl + "/"), TimeSpan.FromSeconds(10));
        var continuum = await reader.ReadAsync(CancellationToken.None);
        Assert.Equal(LoopFixture.Scale, continuum.Ies.Count);

        var request = AllocateClient.BuildRequest("grpc", ToscaParser.Parse(Constrained), continuum);
        var response = await AllocateClient.CallAsync(api.Host.GrpcAddress!, request, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(3, response.ServiceComponentAllocations.Count);
        var amd = await loop.IesAsync(AmdAllowed);
        var arm = await loop.IesAsync(ArmAllowed);
        var chosen = response.ServiceComponentAllocations.Select(a => ContinuumIds.IeShort(a.NewAllocatedServiceComponent.InfrastructureElement.Id)).ToList();
        Assert.Contains(chosen[0], amd);
        Assert.Contains(chosen[1], amd);
        Assert.Contains(chosen[2], arm);
        Assert.All(response.ServiceComponentAllocations, a =>
        {
            Assert.Empty(a.FailureReason);
            Assert.Equal(LoopFixture.Scale, a.Explanation.Candidates);
            Assert.NotEmpty(a.Explanation.Ranked);
        });

        var impossible = AllocateClient.BuildRequest("grpc", ToscaParser.Parse(Constrained.Replace("arm64", "arm32", StringComparison.Ordinal)), continuum);
        var refused = await AllocateClient.CallAsync(api.Host.GrpcAddress!, impossible, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Null(refused.ServiceComponentAllocations[2].NewAllocatedServiceComponent.InfrastructureElement);
        Assert.Contains("architecture", refused.ServiceComponentAllocations[2].FailureReason);
    }
}
