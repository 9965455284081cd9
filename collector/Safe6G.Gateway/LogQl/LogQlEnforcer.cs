using System.Text;
using Safe6G.Gateway.PromQl;
using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.LogQl;

/// <summary>
/// Injects a tenant's matchers into every stream selector of a LogQL query, leaving pipelines, filters and
/// range/aggregation syntax byte-for-byte untouched. Same conflict policy as the PromQL enforcer.
/// </summary>
public sealed class LogQlEnforcer(LabelEnforcer tenant)
{
    /// <summary>Creates an enforcer from tenant matchers and a conflict mode.</summary>
    public LogQlEnforcer(IEnumerable<LabelMatcher> tenantMatchers, EnforcementMode mode = EnforcementMode.Intersect)
        : this(new LabelEnforcer(tenantMatchers, mode))
    {
    }

    /// <summary>Returns the query with the tenant's matchers added to each stream selector.</summary>
    /// <exception cref="LogQlParseException">The query is malformed.</exception>
    /// <exception cref="TenantEnforcementException">Reject mode and a selector names another tenant's streams.</exception>
    public string Enforce(string query)
    {
        var selectors = StreamSelectorScanner.Scan(query);
        var sb = new StringBuilder(query.Length + (selectors.Count * 24));
        var last = 0;
        foreach (var s in selectors)
        {
            var vs = new VectorSelector { Start = s.Start, End = s.End };
            vs.Matchers.AddRange(s.Matchers);
            tenant.EnforceSelector(vs);
            sb.Append(query, last, s.Start - last);
            sb.Append('{').AppendJoin(", ", vs.Matchers).Append('}');
            last = s.End;
        }

        sb.Append(query, last, query.Length - last);
        return sb.ToString();
    }

    /// <summary>
    /// Enforces the match[] selectors of Loki's /series (and the optional query of /labels): each must be one plain
    /// stream selector. With none given, returns the tenant's own selector.
    /// </summary>
    /// <exception cref="LogQlParseException">A selector is malformed or is more than a stream selector.</exception>
    public IReadOnlyList<string> EnforceSelectors(IEnumerable<string>? selectors)
    {
        var result = new List<string>();
        foreach (var s in selectors ?? [])
        {
            var found = StreamSelectorScanner.Scan(s);
            if (found.Count != 1 || s[..found[0].Start].Trim().Length > 0 || s[found[0].End..].Trim().Length > 0)
            {
                throw new LogQlParseException(s, 0, "expected exactly one stream selector such as {app=\"x\"}");
            }

            result.Add(Enforce(s.Trim()));
        }

        if (result.Count == 0)
        {
            result.Add("{" + string.Join(", ", tenant.Matchers) + "}");
        }

        return result;
    }
}
