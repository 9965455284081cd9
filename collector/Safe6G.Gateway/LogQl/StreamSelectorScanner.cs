using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.LogQl;

/// <summary>
/// Finds every stream selector in a LogQL query (log or metric query) without parsing pipelines: it skips
/// strings ("..." and `...`) and # comments, balances () and [], and treats each remaining { as a selector.
/// Anything it cannot place with certainty (single quotes, stray braces, unterminated strings) is an error,
/// so a selector can never hide from enforcement.
/// </summary>
public static class StreamSelectorScanner
{
    /// <summary>Returns the selectors in order of appearance.</summary>
    /// <exception cref="LogQlParseException">The query is malformed.</exception>
    public static IReadOnlyList<StreamSelector> Scan(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var selectors = new List<StreamSelector>();
        var open = new Stack<(char Char, int Pos)>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            switch (c)
            {
                case '"' or '`':
                    i = SkipString(query, i);
                    break;
                case '#':
                    while (i < query.Length && query[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case '\'':
                    throw new LogQlParseException(query, i, "single-quoted strings are not LogQL; use \"...\" or `...`");
                case '{':
                {
                    var s = ParseSelector(query, i);
                    selectors.Add(s);
                    i = s.End;
                    break;
                }

                case '}':
                    throw new LogQlParseException(query, i, "unexpected '}'");
                case '(' or '[':
                    open.Push((c, i));
                    i++;
                    break;
                case ')' or ']':
                {
                    var want = c == ')' ? '(' : '[';
                    if (open.Count == 0 || open.Peek().Char != want)
                    {
                        throw new LogQlParseException(query, i, $"unexpected '{c}'");
                    }

                    open.Pop();
                    i++;
                    break;
                }

                default:
                    i++;
                    break;
            }
        }

        if (open.Count > 0)
        {
            var (ch, pos) = open.Peek();
            throw new LogQlParseException(query, pos, ch == '(' ? "unclosed left parenthesis" : "unclosed left bracket");
        }

        return selectors;
    }

    private static int SkipString(string q, int start)
    {
        var quote = q[start];
        var i = start + 1;
        while (i < q.Length)
        {
            var c = q[i];
            if (c == quote)
            {
                return i + 1;
            }

            if (quote == '"')
            {
                if (c == '\n')
                {
                    break;
                }

                if (c == '\\')
                {
                    i++;
                }
            }

            i++;
        }

        throw new LogQlParseException(q, start, quote == '`' ? "unterminated raw string" : "unterminated quoted string");
    }

    private static StreamSelector ParseSelector(string q, int start)
    {
        var matchers = new List<LabelMatcher>();
        var i = SkipSpace(q, start + 1);
        if (i < q.Length && q[i] == '}')
        {
            throw new LogQlParseException(q, start, "stream selector needs at least one label matcher");
        }

        while (true)
        {
            if (i >= q.Length)
            {
                throw new LogQlParseException(q, i, "unexpected end of input inside stream selector");
            }

            var nameStart = i;
            if (!Lexer.IsAlpha(q[i]))
            {
                throw new LogQlParseException(q, i, $"expected a label name in stream selector, got '{q[i]}'");
            }

            while (i < q.Length && Lexer.IsAlphaNumeric(q[i]))
            {
                i++;
            }

            var name = q[nameStart..i];
            i = SkipSpace(q, i);
            MatchOp type;
            if (Starts(q, i, "=~"))
            {
                (type, i) = (MatchOp.Regex, i + 2);
            }
            else if (Starts(q, i, "!~"))
            {
                (type, i) = (MatchOp.NotRegex, i + 2);
            }
            else if (Starts(q, i, "!="))
            {
                (type, i) = (MatchOp.NotEqual, i + 2);
            }
            else if (Starts(q, i, "="))
            {
                (type, i) = (MatchOp.Equal, i + 1);
            }
            else
            {
                throw new LogQlParseException(q, i, $"expected =, !=, =~ or !~ after label {GoString.Quote(name)}");
            }

            i = SkipSpace(q, i);
            if (i >= q.Length || (q[i] != '"' && q[i] != '`'))
            {
                throw new LogQlParseException(q, i, $"expected a quoted value for label {GoString.Quote(name)}");
            }

            var valueStart = i;
            i = SkipString(q, i);
            var raw = q[valueStart..i];
            if (raw[0] == '"' && !ValidEscapes(raw))
            {
                throw new LogQlParseException(q, valueStart, "invalid escape sequence in string");
            }

            try
            {
                matchers.Add(new LabelMatcher(name, type, GoString.Unquote(raw)));
            }
            catch (FormatException e)
            {
                throw new LogQlParseException(q, nameStart, e.Message);
            }

            i = SkipSpace(q, i);
            if (i < q.Length && q[i] == '}')
            {
                return new StreamSelector(start, i + 1, matchers);
            }

            if (i >= q.Length)
            {
                throw new LogQlParseException(q, q.Length, "unexpected end of input inside stream selector");
            }

            if (q[i] != ',')
            {
                throw new LogQlParseException(q, Math.Min(i, q.Length), "expected ',' or '}' in stream selector");
            }

            i = SkipSpace(q, i + 1);
        }
    }

    // Accepts only the escapes GoString.Unquote understands, so a bad escape is an error and not a crash.
    private static bool ValidEscapes(string raw)
    {
        for (var i = 1; i < raw.Length - 1; i++)
        {
            if (raw[i] != '\\')
            {
                continue;
            }

            var e = raw[++i];
            var hex = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (hex > 0)
            {
                if (i + hex >= raw.Length - 0 || !raw.AsSpan(i + 1, hex).ToString().All(char.IsAsciiHexDigit))
                {
                    return false;
                }

                var v = Convert.ToInt64(raw.Substring(i + 1, hex), 16);
                if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
                {
                    return false;
                }

                i += hex;
            }
            else if (e is >= '0' and <= '7')
            {
                if (i + 3 > raw.Length - 1 || !raw.AsSpan(i, 3).ToString().All(ch => ch is >= '0' and <= '7') || Convert.ToInt32(raw.Substring(i, 3), 8) > 255)
                {
                    return false;
                }

                i += 2;
            }
            else if (e is not ('a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\' or '"'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Starts(string q, int i, string s) => string.CompareOrdinal(q, i, s, 0, s.Length) == 0;

    private static int SkipSpace(string q, int i)
    {
        while (i < q.Length && char.IsWhiteSpace(q[i]))
        {
            i++;
        }

        return i;
    }
}
