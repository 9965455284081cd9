using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Safe6G.Gateway.PromQl;

/// <summary>
/// Compiles a label regex the way Prometheus anchors it, rejecting the .NET-only constructs RE2 (Go) refuses,
/// so we do not accept what Prometheus would reject.
/// </summary>
public static class Re2Check
{
    private static readonly Regex Unsupported = new(
        @"\(\?(?:[=!>']|<[=!A-Za-z_]|\()|\\[1-9]|\\k<|\\Z",
        RegexOptions.CultureInvariant);

    // Dashboards repeat the same few regexes; building a Regex costs more than parsing the whole query.
    private const int CacheLimit = 4096;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Compiles ^(?:re)$ with RE2-compatible semantics or throws <see cref="FormatException"/>.</summary>
    public static Regex Compile(string re)
    {
        if (Cache.TryGetValue(re, out var cached))
        {
            return cached;
        }

        var compiled = Build(re);
        if (Cache.Count >= CacheLimit)
        {
            // Start over rather than freeze: a flood of one-off regexes must not keep the common ones out.
            Cache.Clear();
        }

        Cache.TryAdd(re, compiled);
        return compiled;
    }

    private static Regex Build(string re)
    {
        var m = Unsupported.Match(re);
        if (m.Success && m.Length > 0 && !IsEscaped(re, m.Index))
        {
            throw new FormatException($"error parsing regexp: invalid or unsupported Perl syntax: `{m.Value}`");
        }

        // Go spells named groups (?P<name>...); .NET spells them (?<name>...).
        var dotnet = re.Replace("(?P<", "(?<", StringComparison.Ordinal);
        try
        {
            // Only ever matched against short strings (the empty string, a tenant's value); the timeout bounds
            // any pathological backtracking, and LabelMatcher treats a timeout as "no match".
            return new Regex("\\A(?:" + dotnet + ")\\z", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"error parsing regexp: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new FormatException($"error parsing regexp: invalid or unsupported Perl syntax: {e.Message}", e);
        }
    }

    private static bool IsEscaped(string s, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && s[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
