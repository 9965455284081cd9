using Safe6G.Simulators.Orion.Http;

namespace Safe6G.Simulators.Orion.Query;

/// <summary>
/// The q language subset aeriOS uses: comparisons (== != &lt; &lt;= &gt; &gt;= ~= !~=), value lists (a,b), ranges
/// (a..b), existence (attr, !attr), AND as ';' or '&amp;', OR as '|', parentheses. Attribute paths with '.' or '[' are
/// rejected (not implemented).
/// </summary>
internal static class QParser
{
    private static readonly string[] Operators = ["==", "!=", ">=", "<=", "!~=", "~=", ">", "<"];

    public static bool TryParse(string text, LdContext context, out QExpression? expression, out string? error)
    {
        expression = null;
        error = null;
        var position = 0;
        try
        {
            expression = ParseOr(text, ref position, context);
            if (position != text.Length) throw new FormatException($"unexpected '{text[position]}' at position {position}");
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static QExpression ParseOr(string s, ref int i, LdContext c)
    {
        var left = ParseAnd(s, ref i, c);
        while (i < s.Length && s[i] == '|')
        {
            i++;
            left = new QOr(left, ParseAnd(s, ref i, c));
        }
        return left;
    }

    private static QExpression ParseAnd(string s, ref int i, LdContext c)
    {
        var left = ParseFactor(s, ref i, c);
        while (i < s.Length && s[i] is ';' or '&')
        {
            i++;
            left = new QAnd(left, ParseFactor(s, ref i, c));
        }
        return left;
    }

    private static QExpression ParseFactor(string s, ref int i, LdContext c)
    {
        if (i < s.Length && s[i] == '(')
        {
            i++;
            var inner = ParseOr(s, ref i, c);
            if (i >= s.Length || s[i] != ')') throw new FormatException("missing ')'");
            i++;
            return inner;
        }
        var negated = false;
        if (i < s.Length && s[i] == '!' && (i + 1 >= s.Length || s[i + 1] is not ('=' or '~')))
        {
            negated = true;
            i++;
        }
        var start = i;
        while (i < s.Length)
        {
            var ch = s[i];
            var partOfIri = ch == '.' && s.AsSpan(start, i - start).Contains("://", StringComparison.Ordinal);
            if (!char.IsLetterOrDigit(ch) && ch is not ('_' or ':' or '/' or '#' or '-') && !partOfIri) break;
            i++;
        }
        if (i < s.Length && s[i] is '.' or '[') throw new FormatException("attribute paths (sub-attributes, compound values) are not supported by the simulator");
        var name = s[start..i];
        if (name.Length == 0) throw new FormatException($"attribute name expected at position {start}");
        var attribute = c.StoredName(name);
        var at = i;
        var op = Operators.FirstOrDefault(o => string.CompareOrdinal(s, at, o, 0, o.Length) == 0);
        if (op is null) return new QExists(attribute, negated);
        if (negated) throw new FormatException("'!' only negates an existence test");
        i += op.Length;
        var valueText = ReadValue(s, ref i);
        if (valueText.Length == 0) throw new FormatException($"value expected after '{op}'");
        if (valueText[0] != '"' && valueText.IndexOfAny(['<', '>', '=', '!', '(', '~']) >= 0)
            throw new FormatException($"invalid value '{valueText}'");

        var range = valueText.IndexOf("..", StringComparison.Ordinal);
        if (range > 0 && op is "==" or "!=" && valueText[0] != '"')
            return new QCompare(attribute, op, [], (QCompare.ParseLiteral(valueText[..range]), QCompare.ParseLiteral(valueText[(range + 2)..])));
        var values = op is "==" or "!=" ? SplitList(valueText).Select(QCompare.ParseLiteral).ToArray() : [QCompare.ParseLiteral(valueText)];
        return new QCompare(attribute, op, values, null);
    }

    private static string ReadValue(string s, ref int i)
    {
        var start = i;
        var quoted = false;
        while (i < s.Length)
        {
            var ch = s[i];
            if (ch == '"') quoted = !quoted;
            else if (!quoted && ch is ';' or '&' or '|' or ')') break;
            i++;
        }
        if (quoted) throw new FormatException("unterminated string");
        return s[start..i];
    }

    private static IEnumerable<string> SplitList(string text)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '"') quoted = !quoted;
            else if (text[k] == ',' && !quoted)
            {
                parts.Add(text[start..k]);
                start = k + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}
