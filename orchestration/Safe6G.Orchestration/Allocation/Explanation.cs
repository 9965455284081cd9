namespace Safe6G.Orchestration.Allocation;

/// <summary>One weighted term of a candidate's score: the raw value (0..1), its weight, and weight × value.</summary>
public sealed record ScoreTerm(string Name, double Value, double Weight, double Contribution);

/// <summary>A candidate that passed the hard filter, with its total and the terms that make it up.</summary>
public sealed record CandidateScore(string Ie, string Domain, double Total, IReadOnlyList<ScoreTerm> Terms);

/// <summary>A candidate the hard filter rejected, and why.</summary>
public sealed record RejectedCandidate(string Ie, string Rule, string Reason);

/// <summary>Why a component went where it went: every candidate counted, the best ones with their score breakdown, the rejections by rule.</summary>
public sealed record Explanation(int Candidates, int Eligible, IReadOnlyList<CandidateScore> Ranked,
    IReadOnlyDictionary<string, int> RejectionsByRule, IReadOnlyList<RejectedCandidate> Rejected);

/// <summary>The allocator's answer for one component: the chosen IE (null = no fit, see <see cref="Reason"/>) and the explanation.</summary>
public sealed record AllocationDecision(string? Ie, string? Domain, string? Reason, Explanation Explanation)
{
    public bool Placed => Ie is not null;
}
