namespace Safe6G.Orchestration.Tosca;

/// <summary>One node template of type tosca.nodes.Container.Application: a container image or a Helm chart, and where it may run.</summary>
public sealed record ComponentSpec
{
    public required string Name { get; init; }
    public bool IsJob { get; init; }

    /// <summary>Set for container components; null for Helm components.</summary>
    public ContainerImage? Image { get; init; }

    /// <summary>Set for Helm components; null for container components.</summary>
    public HelmChart? Helm { get; init; }

    public IReadOnlyList<PortSpec> Ports { get; init; } = [];
    public bool ExposePorts { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> CliArgs { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> EnvVars { get; init; } = [];
    public PlacementConstraints Placement { get; init; } = new();

    /// <summary>SAFE-6G ServiceComponent.trustFunctionElement: aiAgent, nApp or vApp.</summary>
    public string? TrustFunctionElement { get; init; }

    public bool? InteractsWithContinuum { get; init; }
    public bool? InteractsWithCore { get; init; }
    public bool? InteractsWithService { get; init; }
}

/// <summary>A container image artifact (tosca.artifacts.Deployment.Image.Container.Docker).</summary>
public sealed record ContainerImage(string File, string Repository, bool IsPrivate, string? Username, string? Password)
{
    /// <summary>The full image reference, the way HLO-FE builds it: Docker Hub images keep their name, others get the registry host.</summary>
    public string Reference => Repository is "" or "docker_hub" ? File : $"{Repository.TrimEnd('/')}/{File}";
}

/// <summary>A Helm chart artifact (SAFE-6G Rel-A/B: chart, repository, version, values, private repositories).</summary>
public sealed record HelmChart(string Chart, string Repository, string? Version, IReadOnlyDictionary<string, object?> Values,
    bool IsPrivate, string? Username, string? Password, IReadOnlyList<string> Services);

/// <summary>A port of network.properties.ports.</summary>
public sealed record PortSpec(string Name, int Number, string Protocol);
