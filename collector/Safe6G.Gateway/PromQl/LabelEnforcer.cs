using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.PromQl;

/// <summary>
/// Tenant label enforcement with prom-label-proxy semantics: every vector and range selector (inside
/// subqueries, function arguments, aggregations and both sides of binary operators alike) gets the tenant's
/// matchers. Create once per tenant and reuse; instances are immutable and thread-safe.
/// </summary>
public sealed class LabelEnforcer
{
    private readonly LabelMatcher[] _matchers;
    private readonly HashSet<string> _labels;

    /// <summary>Creates an enforcer for a tenant's matchers.</summary>
    /// <exception cref="ArgumentException">No matchers, or a matcher that also matches series lacking the label.</exception>
    public LabelEnforcer(IEnumerable<LabelMatcher> tenantMatchers, EnforcementMode mode = EnforcementMode.Intersect)
    {
        ArgumentNullException.ThrowIfNull(tenantMatchers);
        _matchers = [.. tenantMatchers];
        if (_matchers.Length == 0)
        {
            throw new ArgumentException("a tenant needs at least one label matcher; refusing to enforce nothing", nameof(tenantMatchers));
        }

        foreach (var m in _matchers)
        {
            if (m.Name.Length == 0 || !Lexer.IsAlpha(m.Name[0]) || !m.Name.All(Lexer.IsAlphaNumeric))
            {
                throw new ArgumentException($"invalid label name in tenant matcher: {GoString.Quote(m.Name)}", nameof(tenantMatchers));
            }

            // A matcher that accepts "" would let through series that simply lack the label.
            if (m.Matches(string.Empty))
            {
                throw new ArgumentException($"tenant matcher {m} also matches series without the label {m.Name}; use one that requires a value", nameof(tenantMatchers));
            }
        }

        _labels = new HashSet<string>(_matchers.Select(m => m.Name), StringComparer.Ordinal);
        Mode = mode;
    }

    /// <summary>The conflict policy.</summary>
    public EnforcementMode Mode { get; }

    /// <summary>The tenant's matchers.</summary>
    public IReadOnlyList<LabelMatcher> Matchers => _matchers;

    /// <summary>Parses a query, enforces the tenant's matchers and prints the rewritten query.</summary>
    /// <exception cref="PromQlParseException">The query is not valid PromQL.</exception>
    /// <exception cref="TenantEnforcementException">Reject mode and the query names another tenant's data.</exception>
    public string EnforceQuery(string query)
    {
        var expr = Parser.Parse(query);
        Enforce(expr);
        return Printer.Print(expr);
    }

    /// <summary>Adds the tenant's matchers to every selector of a parsed tree, in place.</summary>
    public void Enforce(Expr expr)
    {
        foreach (var vs in AstWalker.Selectors(expr))
        {
            EnforceSelector(vs);
        }
    }

    /// <summary>
    /// Enforces match[] selectors of /series, /labels and /label/{name}/values. With no selectors given, returns
    /// the tenant's own selector so the upstream only sees the tenant's series.
    /// </summary>
    /// <exception cref="PromQlParseException">A selector is not a plain series selector.</exception>
    public IReadOnlyList<string> EnforceMatchSelectors(IEnumerable<string>? selectors)
    {
        var result = new List<string>();
        foreach (var s in selectors ?? [])
        {
            var vs = Parser.ParseSelector(s);
            EnforceSelector(vs);
            result.Add(Printer.Print(vs));
        }

        if (result.Count == 0)
        {
            var vs = new VectorSelector();
            EnforceSelector(vs);
            result.Add(Printer.Print(vs));
        }

        return result;
    }

    internal void EnforceSelector(VectorSelector vs)
    {
        if (Mode == EnforcementMode.Reject)
        {
            foreach (var user in vs.Matchers)
            {
                if (_labels.Contains(user.Name) && !Compatible(user))
                {
                    throw new TenantEnforcementException(
                        $"label matcher {user} is not allowed: this tenant is restricted to {string.Join(", ", _matchers.Where(m => m.Name == user.Name))}",
                        vs.Start);
                }
            }
        }

        foreach (var m in _matchers)
        {
            if (!vs.Matchers.Contains(m))
            {
                vs.Matchers.Add(m);
            }
        }
    }

    // A user matcher is harmless when it equals the tenant's, or when the tenant pins one value the user's
    // matcher accepts (domain=~"upv|x" for a domain="upv" tenant selects exactly the tenant's series).
    private bool Compatible(LabelMatcher user)
    {
        foreach (var t in _matchers)
        {
            if (t.Name != user.Name)
            {
                continue;
            }

            if (t.Equals(user) || (t.Type == MatchOp.Equal && user.Matches(t.Value)))
            {
                continue;
            }

            return false;
        }

        return true;
    }
}
