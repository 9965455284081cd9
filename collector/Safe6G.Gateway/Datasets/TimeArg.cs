using System.Globalization;
using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Gateway.Datasets;

/// <summary>Times as the Prometheus API takes them (RFC 3339 or unix seconds), plus <c>now</c> and <c>now-30d</c>.</summary>
public static class TimeArg
{
    /// <summary>Parses a time.</summary>
    /// <exception cref="FormatException">Not a time.</exception>
    public static DateTimeOffset Parse(string text, DateTimeOffset now)
    {
        text = text.Trim();
        if (text == "now")
        {
            return now;
        }

        if (text.StartsWith("now-", StringComparison.Ordinal) && PrometheusDuration.TryParse(text[4..], out var ago))
        {
            return now - ago;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var unix))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(unix * 1000));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }

        throw new FormatException($"cannot parse \"{text}\" as a time (RFC 3339, unix seconds, now or now-DURATION)");
    }

    /// <summary>Parses a step: a Prometheus duration or a number of seconds.</summary>
    /// <exception cref="FormatException">Not a positive duration.</exception>
    public static TimeSpan ParseStep(string text)
    {
        TimeSpan step;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            step = TimeSpan.FromSeconds(seconds);
        }
        else if (!PrometheusDuration.TryParse(text, out step))
        {
            throw new FormatException($"cannot parse \"{text}\" as a step (e.g. 15s, 1m or 30)");
        }

        if (step < TimeSpan.FromMilliseconds(1))
        {
            throw new FormatException($"step \"{text}\" must be at least 1ms");
        }

        return step;
    }

    /// <summary>Unix seconds with millisecond precision, as the API prints them.</summary>
    public static string Unix(long milliseconds) =>
        milliseconds % 1000 == 0
            ? (milliseconds / 1000).ToString(CultureInfo.InvariantCulture)
            : (milliseconds / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
