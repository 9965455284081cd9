using System.Globalization;
using System.Text;

namespace Safe6G.Gateway.PromQl;

/// <summary>Prometheus durations (model.Duration): y, w, d, h, m, s, ms in that order; millisecond precision.</summary>
public static class Durations
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

        // Hand-rolled form of ^(\d+y)?(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?$: units must appear at most
        // once and in this order.
        var next = 0; // index into Units of the smallest unit still allowed
        var i = 0;
        try
        {
            while (i < text.Length)
            {
                var digitsStart = i;
                long v = 0;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    v = checked((v * 10) + (text[i] - '0'));
                    i++;
                }

                if (i == digitsStart || i == text.Length)
                {
                    return Invalid(text, out error);
                }

                var unit = text[i] == 'm' && i + 1 < text.Length && text[i + 1] == 's' ? "ms" : text[i].ToString();
                i += unit.Length;
                var idx = Array.FindIndex(Units, next, u => u.Unit == unit);
                if (idx < 0)
                {
                    return Invalid(text, out error);
                }

                ms = checked(ms + checked(v * Units[idx].Ms));
                next = idx + 1;
            }
        }
        catch (OverflowException)
        {
            error = "duration out of range";
            return false;
        }

        return text.Length > 0 || Invalid(text, out error);
    }

    private static bool Invalid(string text, out string? error)
    {
        error = $"not a valid duration string: {GoString.Quote(text)}";
        return false;
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
}
