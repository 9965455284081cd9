using Safe6G.Orchestration.Continuum;

namespace Safe6G.Orchestration.Tests;

/// <summary>IE states and TOSCA texts shared by the tests.</summary>
internal static class Fixtures
{
    public static IeState Ie(string id, string domain = "upv", string status = "Ready", double cores = 8, double usage = 0.2,
        double ramGb = 16, double availableGb = 12, string arch = "AMD64", bool? realtime = false, double? trust = 0.9,
        double? efficiency = 0.5, double? power = 100) => new()
    {
        Id = id,
        Domain = domain,
        Hostname = $"{id.Replace(':', '-')}-host",
        Architecture = arch,
        Status = status,
        CpuCores = cores,
        CpuUsage = usage,
        RamCapacityBytes = ramGb * 1e9,
        RamAvailableBytes = availableGb * 1e9,
        PowerWatts = power,
        EnergyEfficiency = efficiency,
        TrustScore = trust,
        Realtime = realtime,
    };

    public static string Container(string name = "app", string host = "", string extraNode = "") => $"""
        tosca_definitions_version: tosca_simple_yaml_1_3
        description: test service
        node_templates:
          {name}:
            type: tosca.nodes.Container.Application
        {extraNode}
            requirements:
              - network:
                  properties:
                    ports:
                      http:
                        properties:
                          protocol: [tcp]
                          source: 8080
                    exposePorts: false
              - host:
                  node_filter:
        {(host.Length == 0 ? "                capabilities:\n                  - host:\n                      properties:\n                        mem_size: {greater_or_equal: \"500 MB\"}" : host)}
            artifacts:
              image:
                file: safe6g/{name}:1.0
                type: tosca.artifacts.Deployment.Image.Container.Docker
                repository: docker_hub
            interfaces:
              Standard:
                create:
                  implementation: image
                  inputs:
                    cliArgs:
                      - --verbose: ""
                    envVars:
                      - LOG_LEVEL: info
        """;
}

/// <summary>A continuum reader with a fixed answer, or a failure.</summary>
internal sealed class FixedReader(IReadOnlyList<IeState> ies) : IContinuumReader
{
    public IReadOnlyList<IeState> Ies { get; set; } = ies;
    public string? Failure { get; set; }

    public Task<ContinuumSnapshot> ReadAsync(CancellationToken cancellationToken) =>
        Failure is { } f ? throw new ContinuumReadException(f) : Task.FromResult(new ContinuumSnapshot(Ies, DateTimeOffset.UtcNow));
}
