using Safe6G.Orchestration.Continuum;

namespace Safe6G.Orchestration.Allocation;

/// <summary>
/// The metric-driven, explainable allocator: hard filter, then weighted score, highest wins (ties: smaller IE id,
/// so decisions repeat). Linear in the number of candidates; only the top few get a full breakdown object.
/// </summary>
public sealed class MetricAllocator(Weights weights, int explainTop = 5, int rejectedShown = 10)
{
    private readonly double[] _weights = Scorer.WeightVector(weights);

    public AllocationDecision Decide(ComponentRequest request, IReadOnlyList<IeState> ies, PlacementLedger ledger)
    {
        var n = ies.Count;
        var eligible = new int[n];
        var count = 0;
        var byRule = new int[HardFilter.RuleNames.Length];
        var rejected = new List<RejectedCandidate>(rejectedShown);
        var maxPower = 0.0;
        for (var i = 0; i < n; i++)
        {
            var ie = ies[i];
            var load = ledger.LoadOf(ie.Id);
            var rule = HardFilter.Rule(ie, request, load);
            if (rule >= 0)
            {
                byRule[rule]++;
                if (rejected.Count < rejectedShown)
                    rejected.Add(new RejectedCandidate(ie.Id, HardFilter.RuleNames[rule], HardFilter.Reason(rule, ie, request, load)));
                continue;
            }
            eligible[count++] = i;
            if ((ie.PowerWatts ?? ie.PowerAverageWatts) is { } w && w > maxPower)
                maxPower = w;
        }
        var rejections = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < byRule.Length; r++)
            if (byRule[r] > 0) rejections[HardFilter.RuleNames[r]] = byRule[r];

        var tfDomain = request.TrustFunction ? ledger.TrustFunctionDomain(request.ServiceId) : null;
        Span<double> terms = stackalloc double[Scorer.TermCount];
        var totals = new double[count];
        var best = -1;
        for (var k = 0; k < count; k++)
        {
            var ie = ies[eligible[k]];
            Scorer.Terms(ie, request, ledger.LoadOf(ie.Id), maxPower, tfDomain, terms);
            var total = 0.0;
            for (var t = 0; t < Scorer.TermCount; t++)
                total += _weights[t] * terms[t];
            totals[k] = total;
            if (best < 0 || Better(total, ie.Id, totals[best], ies[eligible[best]].Id))
                best = k;
        }

        var top = TopK(totals, eligible, ies, count, explainTop);
        var ranked = top.Select(k =>
        {
            var ie = ies[eligible[k]];
            Span<double> t = stackalloc double[Scorer.TermCount];
            Scorer.Terms(ie, request, ledger.LoadOf(ie.Id), maxPower, tfDomain, t);
            var list = new ScoreTerm[Scorer.TermCount];
            for (var j = 0; j < Scorer.TermCount; j++)
                list[j] = new ScoreTerm(Scorer.Names[j], Math.Round(t[j], 4), Math.Round(_weights[j], 4), Math.Round(_weights[j] * t[j], 4));
            return new CandidateScore(ie.Id, ie.Domain, Math.Round(totals[k], 4), list);
        }).ToList();
        var explanation = new Explanation(n, count, ranked, rejections, rejected);
        if (best < 0)
            return new AllocationDecision(null, null, NoFit(n, rejections), explanation);
        var chosen = ies[eligible[best]];
        return new AllocationDecision(chosen.Id, chosen.Domain, null, explanation);
    }

    private static bool Better(double total, string id, double bestTotal, string bestId) =>
        total > bestTotal || (total == bestTotal && string.CompareOrdinal(id, bestId) < 0);

    private static List<int> TopK(double[] totals, int[] eligible, IReadOnlyList<IeState> ies, int count, int k)
    {
        var top = new List<int>(k + 1);
        for (var i = 0; i < count; i++)
        {
            var pos = top.Count;
            while (pos > 0 && Better(totals[i], ies[eligible[i]].Id, totals[top[pos - 1]], ies[eligible[top[pos - 1]]].Id))
                pos--;
            if (pos < k)
            {
                top.Insert(pos, i);
                if (top.Count > k) top.RemoveAt(k);
            }
        }
        return top;
    }

    private static string NoFit(int candidates, Dictionary<string, int> byRule) => candidates == 0
        ? "no IE known: Prometheus has no datafabric_infrastructure_element series"
        : $"no IE satisfies the hard constraints ({candidates} candidates; rejected by {string.Join(", ", byRule.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}"))})";
}
