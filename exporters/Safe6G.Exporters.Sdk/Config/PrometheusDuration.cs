using System.Globalization;
using System.Text.RegularExpressions;

namespace Safe6G.Exporters.Sdk.Config;

/// <summary>Prometheus duration strings (<c>1h30m</c>, <c>500ms</c>, <c>2d</c>), as users write them in every Prometheus config.</summary>
public static partial class PrometheusDuration
{
    [GeneratedRegex(@"^((?<y>\d+)y)?((?<w>\d+)w)?((?<d>\d+)d)?((?<h>\d+)h)?((?<m>\d+)m)?((?<s>\d+)s)?((?<ms>\d+)ms)?$")]
    private static partial Regex Pattern();

    /// <summary>Parses a duration; throws <see cref="FormatException"/> with the offending text.</summary>
    public static TimeSpan Parse(string text)
    {
        if (TryParse(text, out var value))
            return value;
        throw new FormatException($"not a valid duration string: \"{text}\" (use e.g. 500ms, 10s, 1m30s)");
    }

    /// <summary>Parses a duration without throwing.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (text == "0")
            return true;
        var match = Pattern().Match(text);
        if (!match.Success)
            return false;
        double ms = 0;
        ms += Part(match, "y") * 365 * 24 * 3600_000d;
        ms += Part(match, "w") * 7 * 24 * 3600_000d;
        ms += Part(match, "d") * 24 * 3600_000d;
        ms += Part(match, "h") * 3600_000d;
        ms += Part(match, "m") * 60_000d;
        ms += Part(match, "s") * 1000d;
        ms += Part(match, "ms");
        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    /// <summary>Formats a duration the way Prometheus prints it (<c>1m30s</c>).</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
            return "0s";
        var parts = new System.Text.StringBuilder();
        var ms = (long)value.TotalMilliseconds;
        void Take(long unit, string suffix)
        {
            if (ms >= unit)
            {
                parts.Append(CultureInfo.InvariantCulture, $"{ms / unit}{suffix}");
                ms %= unit;
            }
        }
        Take(7L * 24 * 3600_000, "w");
        Take(24L * 3600_000, "d");
        Take(3600_000, "h");
        Take(60_000, "m");
        Take(1000, "s");
        Take(1, "ms");
        return parts.ToString();
    }

    private static double Part(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
}
