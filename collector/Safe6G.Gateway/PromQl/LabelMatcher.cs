using System.Text.RegularExpressions;

namespace Safe6G.Gateway.PromQl;

/// <summary>A label matcher such as domain="upv" or job=~"api|web" (regexes are fully anchored, as in Prometheus).</summary>
public sealed record LabelMatcher
{
    private readonly Regex? _regex;

    /// <summary>Creates a matcher; regex values are validated against RE2's accepted syntax.</summary>
    /// <exception cref="FormatException">The regex is not valid RE2 syntax.</exception>
    public LabelMatcher(string name, MatchOp type, string value)
    {
        Name = name;
        Type = type;
        Value = value;
        if (type is MatchOp.Regex or MatchOp.NotRegex)
        {
            _regex = Re2Check.Compile(value);
        }
    }

    /// <summary>The label name.</summary>
    public string Name { get; }

    /// <summary>The operator.</summary>
    public MatchOp Type { get; }

    /// <summary>The value or (unanchored as written) regex.</summary>
    public string Value { get; }

    /// <summary>The metric-name label.</summary>
    public const string MetricName = "__name__";

    /// <summary>
    /// True when the matcher accepts a label with this value (absent labels have value ""). A regex that times
    /// out counts as not matching, which is the cautious answer for every caller (conflict checks refuse).
    /// </summary>
    public bool Matches(string value)
    {
        try
        {
            return Type switch
            {
                MatchOp.Equal => value == Value,
                MatchOp.NotEqual => value != Value,
                MatchOp.Regex => _regex!.IsMatch(value),
                _ => !_regex!.IsMatch(value),
            };
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The operator's spelling.</summary>
    public static string OperatorText(MatchOp t) => t switch
    {
        MatchOp.Equal => "=",
        MatchOp.NotEqual => "!=",
        MatchOp.Regex => "=~",
        _ => "!~",
    };

    /// <summary>Parses a matcher written as name=value, name!="v", name=~"re" (value quoted or not); for config files.</summary>
    /// <exception cref="FormatException">The text is not a matcher.</exception>
    public static LabelMatcher Parse(string text)
    {
        var m = Regex.Match(text.Trim(), "^([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*)$", RegexOptions.CultureInvariant);
        if (!m.Success)
        {
            throw new FormatException($"not a label matcher: {GoString.Quote(text)} (want name=\"value\", name!=\"v\", name=~\"re\" or name!~\"re\")");
        }

        var raw = m.Groups[3].Value.Trim();
        var value = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? GoString.Unquote(raw) : raw;
        var type = m.Groups[2].Value switch
        {
            "=" => MatchOp.Equal,
            "!=" => MatchOp.NotEqual,
            "=~" => MatchOp.Regex,
            _ => MatchOp.NotRegex,
        };
        return new LabelMatcher(m.Groups[1].Value, type, value);
    }

    /// <summary>Prints name, operator and Go-quoted value, e.g. domain="upv".</summary>
    public override string ToString() => Name + OperatorText(Type) + GoString.Quote(Value);

    /// <inheritdoc/>
    public bool Equals(LabelMatcher? other) =>
        other is not null && Name == other.Name && Type == other.Type && Value == other.Value;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Type, Value);
}
