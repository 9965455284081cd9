using System.Globalization;
using System.Text;

namespace Safe6G.Gateway.PromQl;

/// <summary>Go-compatible string quoting (strconv.Quote) and unquoting of lexer-validated PromQL strings.</summary>
public static class GoString
{
    /// <summary>Quotes a string with double quotes and Go escapes, so Prometheus reads back the same value.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        sb.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (IsPrintable(rune))
                    {
                        sb.Append(rune.ToString());
                    }
                    else if (rune.Value < 0x10000)
                    {
                        sb.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>
    /// Unquotes a string token whose escapes the lexer has already validated ("...", '...' or `...`).
    /// </summary>
    public static string Unquote(string token)
    {
        if (token.Length < 2)
        {
            throw new FormatException("string token too short");
        }

        var quote = token[0];
        var inner = token.AsSpan(1, token.Length - 2);
        if (quote == '`')
        {
            // Go drops carriage returns from raw strings.
            return inner.Contains('\r') ? inner.ToString().Replace("\r", string.Empty, StringComparison.Ordinal) : inner.ToString();
        }

        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }

        var sb = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            var e = inner[++i];
            switch (e)
            {
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'x':
                    sb.Append((char)int.Parse(inner.Slice(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                case 'u':
                    sb.Append(char.ConvertFromUtf32(int.Parse(inner.Slice(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    i += 4;
                    break;
                case 'U':
                    sb.Append(char.ConvertFromUtf32(int.Parse(inner.Slice(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    i += 8;
                    break;
                case >= '0' and <= '7':
                    sb.Append((char)Convert.ToInt32(inner.Slice(i, 3).ToString(), 8));
                    i += 2;
                    break;
                default:
                    sb.Append(e); // \\, \" and \' stand for themselves.
                    break;
            }
        }

        return sb.ToString();
    }

    private static bool IsPrintable(Rune rune)
    {
        var cat = Rune.GetUnicodeCategory(rune);
        return cat is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator)
            && (cat != UnicodeCategory.SpaceSeparator || rune.Value == ' ');
    }
}
