using System.Globalization;

namespace Safe6G.Gateway.PromQl;

/// <summary>
/// PromQL lexer following Prometheus 2.42's state machine: separate rules inside braces (label matchers) and
/// brackets (durations and the subquery colon), paren-depth tracking, and errors delivered as
/// <see cref="TokenKind.Error"/> tokens at the place they occur, so the parser reports them in input order.
/// </summary>
public sealed class Lexer
{
    private const char Eof = '\0';
    private readonly string _input;
    private int _pos;
    private int _start;
    private int _parenDepth;
    private bool _braceOpen;
    private bool _bracketOpen;
    private bool _gotColon;
    private bool _durationNext;
    private bool _done;

    /// <summary>Creates a lexer over a query.</summary>
    public Lexer(string input) => _input = input;

    /// <summary>Returns the next token; after an error or end of input it keeps returning that token.</summary>
    public Token Next()
    {
        if (_done)
        {
            return new Token(TokenKind.Eof, string.Empty, _input.Length);
        }

        var t = Scan();
        if (t.Kind is TokenKind.Eof or TokenKind.Error)
        {
            _done = true;
        }

        return t;
    }

    private char Peek() => _pos < _input.Length ? _input[_pos] : Eof;

    private char Read() => _pos < _input.Length ? _input[_pos++] : AdvancePastEnd();

    private char AdvancePastEnd()
    {
        _pos = _input.Length + 1; // so that Backup() after reading EOF is symmetric
        return Eof;
    }

    private void Backup() => _pos--;

    private bool AtEnd => _pos >= _input.Length;

    private Token Emit(TokenKind kind)
    {
        var end = Math.Min(_pos, _input.Length);
        var t = new Token(kind, _input[_start..end], _start);
        _start = end;
        return t;
    }

    private Token Error(string message) => new(TokenKind.Error, message, Math.Min(_start, _input.Length));

    private Token Scan()
    {
        while (true)
        {
            _start = _pos;
            if (_braceOpen)
            {
                var inside = ScanInsideBraces();
                if (inside is { } tok)
                {
                    return tok;
                }

                continue;
            }

            if (_durationNext)
            {
                _durationNext = false;
                return ScanDuration();
            }

            if (_pos < _input.Length && _input[_pos] == '#')
            {
                while (!AtEnd && _input[_pos] != '\n')
                {
                    _pos++;
                }

                continue;
            }

            if (AtEnd)
            {
                _pos = _input.Length;
                _start = _pos;
                if (_parenDepth != 0)
                {
                    return Error("unclosed left parenthesis");
                }

                if (_bracketOpen)
                {
                    return Error("unclosed left bracket");
                }

                return new Token(TokenKind.Eof, string.Empty, _pos);
            }

            var r = Read();
            switch (r)
            {
                case ' ' or '\t' or '\n' or '\r':
                    continue;
                case ',': return Emit(TokenKind.Comma);
                case '*': return Emit(TokenKind.Mul);
                case '/': return Emit(TokenKind.Div);
                case '%': return Emit(TokenKind.Mod);
                case '+': return Emit(TokenKind.Add);
                case '-': return Emit(TokenKind.Sub);
                case '^': return Emit(TokenKind.Pow);
                case '@': return Emit(TokenKind.At);
                case '=':
                    if (Peek() == '=')
                    {
                        _pos++;
                        return Emit(TokenKind.EqlC);
                    }

                    if (Peek() == '~')
                    {
                        return Error($"unexpected character after '=': {CharQuote(Peek())}");
                    }

                    return Emit(TokenKind.Assign);
                case '!':
                    if (Peek() == '=')
                    {
                        _pos++;
                        return Emit(TokenKind.Neq);
                    }

                    return Error($"unexpected character after '!': {CharQuote(Peek())}");
                case '<':
                    if (Peek() == '=')
                    {
                        _pos++;
                        return Emit(TokenKind.Lte);
                    }

                    return Emit(TokenKind.Lss);
                case '>':
                    if (Peek() == '=')
                    {
                        _pos++;
                        return Emit(TokenKind.Gte);
                    }

                    return Emit(TokenKind.Gtr);
                case '"' or '\'':
                    return ScanString(r);
                case '`':
                    return ScanRawString();
                case '(':
                    _parenDepth++;
                    return Emit(TokenKind.LeftParen);
                case ')':
                {
                    var t = Emit(TokenKind.RightParen);
                    _parenDepth--;
                    return _parenDepth < 0 ? Error("unexpected right parenthesis ')'") : t;
                }

                case '{':
                    _braceOpen = true;
                    return Emit(TokenKind.LeftBrace);
                case '[':
                {
                    if (_bracketOpen)
                    {
                        return Error("unexpected left bracket '['");
                    }

                    _gotColon = false;
                    var t = Emit(TokenKind.LeftBracket);
                    while (Peek() is ' ' or '\t' or '\n' or '\r')
                    {
                        _pos++;
                    }

                    _start = _pos;
                    _bracketOpen = true;
                    _durationNext = true;
                    return t;
                }

                case ']':
                    if (!_bracketOpen)
                    {
                        return Error("unexpected right bracket ']'");
                    }

                    _bracketOpen = false;
                    return Emit(TokenKind.RightBracket);
                default:
                    if (IsDigit(r) || (r == '.' && IsDigit(Peek())))
                    {
                        Backup();
                        return ScanNumberOrDuration();
                    }

                    if (IsAlpha(r) || r == ':')
                    {
                        if (!_bracketOpen)
                        {
                            Backup();
                            return ScanKeywordOrIdentifier();
                        }

                        // Prometheus's lexer treats any letter or colon inside brackets as the subquery colon.
                        if (_gotColon)
                        {
                            return Error($"unexpected colon {CharQuote(r)}");
                        }

                        _gotColon = true;
                        return Emit(TokenKind.Colon);
                    }

                    if (char.IsHighSurrogate(r) && char.IsLowSurrogate(Peek()))
                    {
                        return Error($"unexpected character: '{r}{Peek()}'");
                    }

                    return Error($"unexpected character: {CharQuote(r)}");
            }
        }
    }

    private Token? ScanInsideBraces()
    {
        if (AtEnd)
        {
            _pos = _input.Length;
            _start = _pos;
            return Error("unexpected end of input inside braces");
        }

        var r = Read();
        switch (r)
        {
            case ' ' or '\t' or '\n' or '\r':
                return null;
            case ',': return Emit(TokenKind.Comma);
            case '"' or '\'': return ScanString(r);
            case '`': return ScanRawString();
            case '=':
                if (Peek() == '~')
                {
                    _pos++;
                    return Emit(TokenKind.EqlRegex);
                }

                return Emit(TokenKind.Assign);
            case '!':
            {
                var nr = Read();
                return nr switch
                {
                    '~' => Emit(TokenKind.NeqRegex),
                    '=' => Emit(TokenKind.Neq),
                    _ => Error($"unexpected character after '!' inside braces: {CharQuote(nr)}"),
                };
            }

            case '{': return Error("unexpected left brace '{'");
            case '}':
                _braceOpen = false;
                return Emit(TokenKind.RightBrace);
            default:
                if (IsAlpha(r))
                {
                    while (IsAlphaNumeric(Peek()))
                    {
                        _pos++;
                    }

                    return Emit(TokenKind.Identifier);
                }

                return Error($"unexpected character inside braces: {CharQuote(r)}");
        }
    }

    private Token ScanString(char quote)
    {
        while (true)
        {
            if (AtEnd)
            {
                return Error("unterminated quoted string");
            }

            var c = Read();
            if (c == '\\')
            {
                var err = ScanEscape(quote);
                if (err != null)
                {
                    return Error(err);
                }
            }
            else if (c == '\n')
            {
                return Error("unterminated quoted string");
            }
            else if (c == quote)
            {
                return Emit(TokenKind.String);
            }
        }
    }

    private string? ScanEscape(char quote)
    {
        if (AtEnd)
        {
            return "escape sequence not terminated";
        }

        var ch = Read();
        int n;
        int numBase;
        int max;
        switch (ch)
        {
            case 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\':
                return null;
            case >= '0' and <= '7':
                (n, numBase, max) = (3, 8, 255);
                Backup();
                break;
            case 'x':
                (n, numBase, max) = (2, 16, 255);
                break;
            case 'u':
                (n, numBase, max) = (4, 16, 0x10FFFF);
                break;
            case 'U':
                (n, numBase, max) = (8, 16, 0x10FFFF);
                break;
            default:
                if (ch == quote)
                {
                    return null;
                }

                return $"unknown escape sequence U+{(int)ch:X4} {CharQuote(ch)}";
        }

        long x = 0;
        for (; n > 0; n--)
        {
            if (AtEnd)
            {
                return "escape sequence not terminated";
            }

            var c = Read();
            var d = DigitVal(c);
            if (d >= numBase)
            {
                return $"illegal character U+{(int)c:X4} {CharQuote(c)} in escape sequence";
            }

            x = (x * numBase) + d;
        }

        if (x > max || (x >= 0xD800 && x < 0xE000))
        {
            return "escape sequence is an invalid Unicode code point";
        }

        return null;
    }

    private Token ScanRawString()
    {
        while (true)
        {
            if (AtEnd)
            {
                return Error("unterminated raw string");
            }

            if (Read() == '`')
            {
                return Emit(TokenKind.String);
            }
        }
    }

    private Token ScanNumberOrDuration()
    {
        if (ScanNumber())
        {
            return Emit(TokenKind.Number);
        }

        if (AcceptRemainingDuration())
        {
            Backup();
            return Emit(TokenKind.Duration);
        }

        return Error($"bad number or duration syntax: {GoString.Quote(_input[_start..Math.Min(_pos, _input.Length)])}");
    }

    private Token ScanDuration()
    {
        if (ScanNumber())
        {
            return Error("missing unit character in duration");
        }

        if (!AcceptRemainingDuration())
        {
            return Error($"bad duration syntax: {GoString.Quote(_input[_start..Math.Min(_pos, _input.Length)])}");
        }

        Backup();
        return Emit(TokenKind.Duration);
    }

    private bool ScanNumber()
    {
        var digits = "0123456789";
        if (Accept("0") && Accept("xX"))
        {
            digits = "0123456789abcdefABCDEF";
        }

        AcceptRun(digits);
        if (Accept("."))
        {
            AcceptRun(digits);
        }

        if (Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789");
        }

        return !IsAlphaNumeric(Peek());
    }

    private bool AcceptRemainingDuration()
    {
        if (!Accept("smhdwy"))
        {
            return false;
        }

        Accept("s");
        while (Accept("0123456789"))
        {
            AcceptRun("0123456789");
            if (!Accept("smhdw"))
            {
                return false;
            }

            Accept("s");
        }

        return !IsAlphaNumeric(Read());
    }

    private Token ScanKeywordOrIdentifier()
    {
        while (IsAlphaNumeric(Peek()) || Peek() == ':')
        {
            _pos++;
        }

        var word = _input[_start.._pos];
        if (TokenInfo.Keywords.TryGetValue(word.ToLowerInvariant(), out var kind))
        {
            return Emit(kind);
        }

        return Emit(word.Contains(':', StringComparison.Ordinal) ? TokenKind.MetricIdentifier : TokenKind.Identifier);
    }

    private bool Accept(string valid)
    {
        if (!AtEnd && valid.Contains(_input[_pos], StringComparison.Ordinal))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid))
        {
        }
    }

    private static int DigitVal(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => 16,
    };

    internal static bool IsDigit(char c) => c is >= '0' and <= '9';

    internal static bool IsAlpha(char c) => c == '_' || c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z';

    internal static bool IsAlphaNumeric(char c) => IsAlpha(c) || IsDigit(c);

    private static string CharQuote(char c) => c == Eof
        ? "U+0000"
        : "'" + (c switch { '\'' => "\\'", '\\' => "\\\\", '\n' => "\\n", '\t' => "\\t", '\r' => "\\r", _ => c.ToString(CultureInfo.InvariantCulture) }) + "'";
}
