namespace Safe6G.Exporters.Sdk.Model;

/// <summary>Prometheus name rules for metrics and labels, checked once when a family is made.</summary>
public static class MetricNames
{
    /// <summary>True when <paramref name="name"/> matches <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</summary>
    public static bool IsValidMetricName(string name) => IsValid(name, allowColon: true);

    /// <summary>True when <paramref name="name"/> matches <c>[a-zA-Z_][a-zA-Z0-9_]*</c> and does not start with <c>__</c>.</summary>
    public static bool IsValidLabelName(string name) =>
        IsValid(name, allowColon: false) && !name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Throws when the metric name is not valid.</summary>
    public static void EnsureValidMetricName(string name)
    {
        if (!IsValidMetricName(name))
            throw new ArgumentException($"invalid metric name '{name}'", nameof(name));
    }

    /// <summary>Throws when the label name is not valid.</summary>
    public static void EnsureValidLabelName(string name)
    {
        if (!IsValidLabelName(name))
            throw new ArgumentException($"invalid label name '{name}'", nameof(name));
    }

    /// <summary>Turns arbitrary text (an SNMP object name, a JSON key) into a valid snake_case name part.</summary>
    public static string Sanitize(string text)
    {
        var chars = new System.Text.StringBuilder(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(text[i - 1]) || char.IsDigit(text[i - 1])))
                chars.Append('_');
            chars.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }
        if (chars.Length == 0 || char.IsAsciiDigit(chars[0]))
            chars.Insert(0, '_');
        return chars.ToString();
    }

    private static bool IsValid(string name, bool allowColon)
    {
        if (string.IsNullOrEmpty(name))
            return false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = char.IsAsciiLetter(c) || c == '_' || (allowColon && c == ':') || (i > 0 && char.IsAsciiDigit(c));
            if (!ok)
                return false;
        }
        return true;
    }
}
