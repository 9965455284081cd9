using System.Globalization;

namespace Safe6G.Gateway.PromQl;

/// <summary>Number parsing as Prometheus does it: strconv.ParseInt(s, 0, 64) first (hex, octal), then ParseFloat.</summary>
public static class GoNumber
{
    /// <summary>Parses a lexed number token; on failure returns Prometheus's error text.</summary>
    public static bool TryParse(string s, out double value, out string? error)
    {
        error = null;
        if (TryParseInt(s, out var l))
        {
            value = l;
            return true;
        }

        var lower = s.ToLowerInvariant();
        if (lower is "inf" or "+inf" or "infinity")
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (lower == "nan")
        {
            value = double.NaN;
            return true;
        }

        if (IsDecimalFloat(s) && double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            if (!double.IsInfinity(value))
            {
                return true;
            }

            error = $"error parsing number: strconv.ParseFloat: parsing {GoString.Quote(s)}: value out of range";
            return false;
        }

        value = 0;
        error = $"error parsing number: strconv.ParseFloat: parsing {GoString.Quote(s)}: invalid syntax";
        return false;
    }

    private static bool TryParseInt(string s, out long value)
    {
        value = 0;
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            return long.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
        }

        if (s.Length > 1 && s[0] == '0')
        {
            foreach (var c in s.AsSpan(1))
            {
                if (c is < '0' or > '7')
                {
                    return false;
                }

                try
                {
                    value = checked((value * 8) + (c - '0'));
                }
                catch (OverflowException)
                {
                    return false;
                }
            }

            return true;
        }

        return s.Length > 0 && s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    // Go's ParseFloat grammar for decimals: digits [. digits] [e [+-] digits], with at least one mantissa digit.
    private static bool IsDecimalFloat(string s)
    {
        var i = 0;
        var mantissaDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            mantissaDigits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                mantissaDigits++;
            }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            var expDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }
}
