using System.Text.RegularExpressions;

namespace Safe6G.Simulators.Loki;

/// <summary>
/// The LogQL subset the simulator understands: one stream selector <c>{a="x", b=~"y.*", c!="z"}</c> followed by
/// line filters <c>|= "s"</c>, <c>!= "s"</c>, <c>|~ "re"</c>, <c>!~ "re"</c>. Anything else is a parse error, as
/// Loki would give for malformed queries.
/// </summary>
public sealed partial class LogSelector
{
    private readonly List<(string Name, string Op, string Value, Regex? Re)> _matchers = [];
    private readonly List<(string Op, string Value, Regex? Re)> _filters = [];

    /// <summary>Parses a query; throws <see cref="FormatException"/> with Loki-like wording.</summary>
    public static LogSelector Parse(string query)
    {
        var s = new LogSelector();
        var text = query.Trim();
        if (!text.StartsWith('{'))
            throw new FormatException($"parse error at line 1, col 1: syntax error: unexpected input, expecting {{");
        var close = FindClose(text);
        foreach (Match m in MatcherPattern().Matches(text[1..close]))
        {
            var op = m.Groups[2].Value;
            var value = Unquote(m.Groups[3].Value);
            s._matchers.Add((m.Groups[1].Value, op, value, op is "=~" or "!~" ? new Regex($"^(?:{value})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)) : null));
        }
        if (MatcherPattern().Replace(text[1..close], "").Replace(",", "", StringComparison.Ordinal).Trim().Length > 0)
            throw new FormatException($"parse error at line 1, col 2: syntax error in stream selector {text[..(close + 1)]}");
        if (s._matchers.All(m => Accepts(m, "")))
            throw new FormatException("parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will");
        var rest = text[(close + 1)..].Trim();
        while (rest.Length > 0)
        {
            var f = FilterPattern().Match(rest);
            if (!f.Success)
                throw new FormatException($"parse error: only line filters (|= != |~ !~) are supported by the simulator, near \"{rest}\"");
            var op = f.Groups[1].Value;
            var value = Unquote(f.Groups[2].Value);
            s._filters.Add((op, value, op is "|~" or "!~" ? new Regex(value, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)) : null));
            rest = rest[f.Length..].Trim();
        }
        return s;
    }

    /// <summary>True when a stream's labels satisfy the selector.</summary>
    public bool MatchesStream(IReadOnlyDictionary<string, string> labels) => _matchers.All(m => Accepts(m, labels.GetValueOrDefault(m.Name, "")));

    private static bool Accepts((string Name, string Op, string Value, Regex? Re) m, string v) => m.Op switch
    {
        "=" => v == m.Value,
        "!=" => v != m.Value,
        "=~" => m.Re!.IsMatch(v),
        _ => !m.Re!.IsMatch(v),
    };

    /// <summary>True when a line passes every filter.</summary>
    public bool MatchesLine(string line) => _filters.All(f => f.Op switch
    {
        "|=" => line.Contains(f.Value, StringComparison.Ordinal),
        "!=" => !line.Contains(f.Value, StringComparison.Ordinal),
        "|~" => f.Re!.IsMatch(line),
        _ => !f.Re!.IsMatch(line),
    });

    private static int FindClose(string text)
    {
        var inString = false;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && inString) { i++; continue; }
            if (text[i] == '"') inString = !inString;
            else if (text[i] == '}' && !inString) return i;
        }
        throw new FormatException("parse error: unclosed stream selector");
    }

    private static string Unquote(string quoted) => Regex.Unescape(quoted[1..^1]);

    [GeneratedRegex("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*")]
    private static partial Regex MatcherPattern();

    [GeneratedRegex("^(\\|=|!=|\\|~|!~)\\s*(\"(?:[^\"\\\\]|\\\\.)*\")")]
    private static partial Regex FilterPattern();
}
