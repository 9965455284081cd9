namespace Safe6G.Portal.Upstreams;

// The subset of the orchestrator's GET /hlo_fe/services JSON the pages show (orchestration/…/ServiceSnapshot.cs).
// Kept as our own records so the portal talks to the HTTP API, as every other client does.

/// <summary>A service as the orchestrator lists it.</summary>
public sealed record ServiceView(string Id, string Description, string Action, string? Reason, int Revision,
    bool BelongsToTrustFunction, string? TrustFunctionDimension, DateTimeOffset UpdatedAt,
    IReadOnlyList<ComponentView> Components, IReadOnlyList<HistoryView>? History, string? BrokerError);

/// <summary>One component: status, placement and why.</summary>
public sealed record ComponentView(string Id, string Name, string ServiceComponentStatus, string? InfrastructureElement,
    string? Domain, string? Reason, string Artifact, string? TrustFunctionElement, ExplanationView? Explanation);

/// <summary>The allocator's explanation of one placement.</summary>
public sealed record ExplanationView(int Candidates, int Eligible, IReadOnlyList<CandidateView> Ranked,
    IReadOnlyDictionary<string, int>? RejectionsByRule, IReadOnlyList<RejectedView>? Rejected);

/// <summary>A ranked candidate IE with its score terms.</summary>
public sealed record CandidateView(string Ie, string Domain, double Total, IReadOnlyList<TermView> Terms);

/// <summary>One weighted score term.</summary>
public sealed record TermView(string Name, double Value, double Weight, double Contribution);

/// <summary>An IE the hard filter rejected.</summary>
public sealed record RejectedView(string Ie, string Rule, string Reason);

/// <summary>A lifecycle event.</summary>
public sealed record HistoryView(DateTimeOffset At, string Operation, string Detail);
