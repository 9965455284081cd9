namespace Safe6G.Orchestration.Tosca;

/// <summary>A parsed TOSCA service descriptor (the subset aeriOS accepts plus the SAFE-6G attributes of seed §2.1.1).</summary>
public sealed record ServiceDescriptor
{
    public required string Description { get; init; }
    public bool ServiceOverlay { get; init; }

    /// <summary>SAFE-6G Service.belongsToTrustFunction.</summary>
    public bool BelongsToTrustFunction { get; init; }

    /// <summary>SAFE-6G Service.trustFunctionDimension: Security, Safety, Privacy, Resilience, Reliability.</summary>
    public string? TrustFunctionDimension { get; init; }

    public required IReadOnlyList<ComponentSpec> Components { get; init; }
}
