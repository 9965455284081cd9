using System.Net;
using System.Text.Json;
using Safe6G.Testing;

namespace Safe6G.Orchestration.Tests;

/// <summary>The real <c>safe6g orchestrator</c> executable: serve, allocate, and the exit codes.</summary>
public sealed class CliTests
{
    private const string Service = """
        description: one-shot
        node_templates:
          web:
            type: tosca.nodes.Container.Application
            requirements:
              - host:
                  node_filter:
                    capabilities:
                      - host: {properties: {cpu_arch: {equal: arm64}, mem_size: {greater_or_equal: "300 MB"}}}
            artifacts: {img: {file: safe6g/web:1.0, type: tosca.artifacts.Deployment.Image.Container.Docker}}
        """;

    [Fact]
    public async Task Allocate_prints_the_decision_in_process_and_against_a_running_allocator()
    {
        await using var loop = await LoopFixture.StartAsync();
        var file = loop.Dir.Write("service.yaml", Service);
        var arm = await loop.IesAsync("datafabric_infrastructure_element_info{cpu_architecture=\"ARM64\"} and on(ie) (datafabric_infrastructure_element_status{status=\"Ready\"} == 1)");

        var (code, json, output) = await SafeCli.RunSplitAsync("orchestrator", "allocate", "--service", file, "--prometheus", loop.Prometheus.BaseUrl);
        Assert.True(code == 0, output);
        using var doc = JsonDocument.Parse(json);
        var allocation = doc.RootElement.GetProperty("serviceComponentAllocations")[0];
        var ie = allocation.GetProperty("newAllocatedServiceComponent").GetProperty("infrastructureElement").GetProperty("id").GetString()!;
        Assert.Contains(ie["urn:ngsi-ld:InfrastructureElement:".Length..], arm);
        Assert.Equal(LoopFixture.Scale, allocation.GetProperty("explanation").GetProperty("candidates").GetInt32());

        // The same question to a running orchestrator's gRPC port gives the same answer.
        var grpcPort = FreePort.Tcp();
        var restPort = FreePort.Tcp();
        var config = loop.Dir.Write("orchestrator.yml", $"prometheus:\n  url: {loop.Prometheus.BaseUrl}\ngrpc_listen: 127.0.0.1:{grpcPort}\noverload_check_interval: 0s\n");
        using var server = SafeCli.Start(["orchestrator", "--config", config, "--listen", $"127.0.0.1:{restPort}"]);
        await Http.WaitUntilOkAsync($"http://127.0.0.1:{restPort}/-/ready", TimeSpan.FromSeconds(30), () => server.Output);
        var (remoteCode, remote) = await SafeCli.RunAsync("orchestrator", "allocate", "--service", file, "--prometheus", loop.Prometheus.BaseUrl,
            "--allocator", $"http://127.0.0.1:{grpcPort}");
        Assert.True(remoteCode == 0, remote);
        Assert.Contains(ie, remote);

        // And the REST API of that process places the same service on the same IE.
        using var content = new StringContent(Service, System.Text.Encoding.UTF8, "application/x-yaml");
        var posted = await Http.Client.PostAsync($"http://127.0.0.1:{restPort}/hlo_fe/services/cli", content);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        string body = "";
        for (var i = 0; i < 100 && !body.Contains("\"Running\"", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            body = await Http.Client.GetStringAsync($"http://127.0.0.1:{restPort}/hlo_fe/services/cli");
        }
        Assert.Contains(ie, body);
    }

    [Fact]
    public async Task Bad_descriptors_and_configs_exit_2_naming_file_line_and_field_and_no_fit_exits_1()
    {
        using var dir = new TempDir("orchestration-cli");
        var bad = dir.Write("bad.yaml", "description: x\nnode_templates:\n  a:\n    type: tosca.nodes.Container.Application\n    isJob: maybe\n");
        var (code, output) = await SafeCli.RunAsync("orchestrator", "allocate", "--service", bad, "--prometheus", "http://127.0.0.1:1");
        Assert.Equal(2, code);
        Assert.Contains($"{bad}:5:12: field 'node_templates.a.isJob'", output);

        var config = dir.Write("bad.yml", "prometheus:\n  url: nope\n");
        (code, output) = await SafeCli.RunAsync("orchestrator", "--config", config, "--listen", $"127.0.0.1:{FreePort.Tcp()}");
        Assert.Equal(2, code);
        Assert.Contains($"{config}:2:3: field 'prometheus.url'", output);

        var good = dir.Write("good.yaml", Service);
        (code, output) = await SafeCli.RunAsync("orchestrator", "allocate", "--service", good, "--prometheus", $"http://127.0.0.1:{FreePort.Tcp()}", "--timeout", "2s");
        Assert.Equal(1, code);
        Assert.Contains("cannot reach Prometheus", output);
    }
}
