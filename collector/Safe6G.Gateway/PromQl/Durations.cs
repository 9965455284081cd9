using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Safe6G.Gateway.PromQl;

/// <summary>Prometheus durations (model.Duration): y, w, d, h, m, s, ms in that order; millisecond precision.</summary>
public static partial class Durations
{
    private static readonly (string Unit, long Ms, bool ExactOnly)[] Units =
    [
        ("y", 365L * 24 * 3600 * 1000, true),
        ("w", 7L * 24 * 3600 * 1000, true),
        ("d", 24L * 3600 * 1000, false),
        ("h", 3600L * 1000, false),
        ("m", 60L * 1000, false),
        ("s", 1000, false),
        ("ms", 1, false),
    ];

    /// <summary>Parses a duration into milliseconds, or returns the error Prometheus would give.</summary>
    public static bool TryParse(string text, out long ms, out string? error)
    {
        ms = 0;
        error = null;
        if (text == "0")
        {
            return true;
        }

        var m = DurationRegex().Match(text);
        if (!m.Success || text.Length == 0)
        {
            error = $"not a valid duration string: {GoString.Quote(text)}";
            return false;
        }

        long[] mult = [Units[0].Ms, Units[1].Ms, Units[2].Ms, Units[3].Ms, Units[4].Ms, Units[5].Ms, 1];
        try
        {
            for (var i = 0; i < mult.Length; i++)
            {
                var g = m.Groups[(i * 2) + 2];
                if (g.Success)
                {
                    var v = long.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);
                    ms = checked(ms + checked(v * mult[i]));
                }
            }
        }
        catch (Exception e) when (e is OverflowException)
        {
            error = "duration out of range";
            return false;
        }

        return true;
    }

    /// <summary>Formats milliseconds the way model.Duration.String() does (90d stays 90d, 2w stays 2w).</summary>
    public static string Format(long ms)
    {
        if (ms == 0)
        {
            return "0s";
        }

        var sb = new StringBuilder();
        if (ms < 0)
        {
            sb.Append('-');
            ms = -ms;
        }

        foreach (var (unit, mult, exactOnly) in Units)
        {
            if (exactOnly && ms % mult != 0)
            {
                continue;
            }

            var v = ms / mult;
            if (v > 0)
            {
                sb.Append(v.ToString(CultureInfo.InvariantCulture)).Append(unit);
                ms -= v * mult;
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex("^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();
}
