using System.Globalization;
using System.Text.RegularExpressions;

namespace Safe6G.Deploy.Parsing;

/// <summary>Prometheus duration strings ("30s", "1h30m", "2w"), parsed the way Prometheus does.</summary>
internal static partial class PromDuration
{
    [GeneratedRegex("^((?<y>[0-9]+)y)?((?<w>[0-9]+)w)?((?<d>[0-9]+)d)?((?<h>[0-9]+)h)?((?<m>[0-9]+)m)?((?<s>[0-9]+)s)?((?<ms>[0-9]+)ms)?$")]
    private static partial Regex Pattern();

    /// <summary>Parses a duration already validated by the reader.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"not a duration: {text}");

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text == "0")
        {
            return true;
        }

        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        double Part(string g) => m.Groups[g].Success ? double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        value = TimeSpan.FromDays((Part("y") * 365) + (Part("w") * 7) + Part("d"))
            + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m"))
            + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
        return true;
    }

    /// <summary>Seconds as Prometheus would print a short duration threshold, e.g. 8 or 0.8.</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
