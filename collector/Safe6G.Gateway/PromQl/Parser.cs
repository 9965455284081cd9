using System.Globalization;
using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.PromQl;

/// <summary>
/// Pratt parser for PromQL as Prometheus 2.42 accepts it. Syntax errors stop at the first problem (the one
/// Prometheus reports first); type errors are found afterwards by <see cref="TypeChecker"/>, as in Prometheus.
/// </summary>
public sealed class Parser
{
    /// <summary>
    /// Deepest syntax tree accepted. Prometheus has no limit, but a gateway must not let one query exhaust the
    /// stack of a request thread; real dashboards nest a few dozen levels at most.
    /// </summary>
    public const int MaxDepth = 500;

    private const int UnaryBindingPower = 5; // unary +/- bind like * (so -a^b is -(a^b), -a*b is (-a)*b)
    private readonly string _query;
    private readonly Lexer _lexer;
    private Token _peeked;
    private bool _hasPeeked;
    private int _depth;

    private Parser(string query)
    {
        _query = query;
        _lexer = new Lexer(query);
    }

    /// <summary>Parses and type-checks a query.</summary>
    /// <exception cref="PromQlParseException">The query is not valid PromQL.</exception>
    public static Expr Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var p = new Parser(query);
        var expr = p.ParseTop();
        CheckDepth(expr, query);
        TypeChecker.Check(expr, query);
        return expr;
    }

    /// <summary>Parses a query, returning false and the error instead of throwing.</summary>
    public static bool TryParse(string query, out Expr? expr, out PromQlParseException? error)
    {
        try
        {
            expr = Parse(query);
            error = null;
            return true;
        }
        catch (PromQlParseException e)
        {
            expr = null;
            error = e;
            return false;
        }
    }

    /// <summary>Parses a series selector (the match[] parameter of /series, /labels, /label/x/values).</summary>
    /// <exception cref="PromQlParseException">The text is not a plain vector selector.</exception>
    public static VectorSelector ParseSelector(string selector)
    {
        var expr = Parse(selector);
        return expr as VectorSelector
            ?? throw new PromQlParseException(selector, expr.Start, $"expected a series selector (metric name and/or label matchers), got {expr.GetType().Name}");
    }

    private Token Peek()
    {
        if (!_hasPeeked)
        {
            _peeked = _lexer.Next();
            _hasPeeked = true;
            if (_peeked.Kind == TokenKind.Error)
            {
                throw Fail(_peeked.Position, _peeked.Text);
            }
        }

        return _peeked;
    }

    private Token Take()
    {
        var t = Peek();
        _hasPeeked = false;
        return t;
    }

    private PromQlParseException Fail(int position, string reason) => new(_query, position, reason);

    private PromQlParseException Unexpected(Token t, string context = "", string expected = "")
    {
        var msg = "unexpected " + t.Describe();
        if (context.Length > 0)
        {
            msg += " in " + context;
        }

        if (expected.Length > 0)
        {
            msg += ", expected " + expected;
        }

        return Fail(t.Position, msg);
    }

    private Expr ParseTop()
    {
        if (Peek().Kind == TokenKind.Eof)
        {
            throw Fail(0, "no expression found in input");
        }

        var expr = ParseExpr(0);
        var t = Peek();
        if (t.Kind != TokenKind.Eof)
        {
            throw Unexpected(t);
        }

        return expr;
    }

    private Expr ParseExpr(int rightBindingPower)
    {
        if (++_depth > MaxDepth)
        {
            throw Fail(Peek().Position, $"expression nests too deeply (more than {MaxDepth} levels)");
        }

        try
        {
            return ParseExprCore(rightBindingPower);
        }
        finally
        {
            _depth--;
        }
    }

    // Left-associative chains (a+b+c+...) are built in a loop, so the tree can be deeper than the recursion;
    // measure it without recursion before anything recursive (type checker, printer) walks it.
    private static void CheckDepth(Expr root, string query)
    {
        var stack = new Stack<(Expr Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxDepth)
            {
                throw new PromQlParseException(query, node.Start, $"expression nests too deeply (more than {MaxDepth} levels)");
            }

            foreach (var child in AstWalker.Children(node))
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    private Expr ParseExprCore(int rightBindingPower)
    {
        var left = ParsePrefix();
        while (true)
        {
            var t = Peek();
            switch (t.Kind)
            {
                case TokenKind.LeftBracket:
                    left = ParseRangeOrSubquery(left);
                    continue;
                case TokenKind.Offset:
                    left = ParseOffset(left);
                    continue;
                case TokenKind.At:
                    left = ParseAt(left);
                    continue;
            }

            var bp = TokenInfo.BindingPower(t.Kind);
            if (bp == 0 || bp <= rightBindingPower)
            {
                return left;
            }

            Take();
            var bin = new BinaryExpr(t.Kind, left, left);
            ParseBinaryModifiers(bin);
            // ^ is right-associative: let an operator of the same power bind inside the right operand.
            bin.Rhs = ParseExpr(t.Kind == TokenKind.Pow ? bp - 1 : bp);
            bin.Start = left.Start;
            bin.End = bin.Rhs.End;
            left = bin;
        }
    }

    private void ParseBinaryModifiers(BinaryExpr bin)
    {
        if (Peek().Kind == TokenKind.Bool)
        {
            Take();
            bin.ReturnBool = true;
        }

        var t = Peek();
        if (t.Kind is not (TokenKind.On or TokenKind.Ignoring))
        {
            return;
        }

        Take();
        var vm = new VectorMatching { On = t.Kind == TokenKind.On, Explicit = true };
        ParseGroupingLabels(vm.MatchingLabels);
        var g = Peek();
        if (g.Kind is TokenKind.GroupLeft or TokenKind.GroupRight)
        {
            Take();
            vm.Card = g.Kind == TokenKind.GroupLeft ? MatchCardinality.ManyToOne : MatchCardinality.OneToMany;
            if (Peek().Kind == TokenKind.LeftParen)
            {
                ParseGroupingLabels(vm.Include);
            }
        }

        bin.Matching = vm;
    }

    private Expr ParsePrefix()
    {
        var t = Take();
        switch (t.Kind)
        {
            case TokenKind.Number:
                return new NumberLiteral(ParseNumber(t)) { Start = t.Position, End = t.EndPosition };
            case TokenKind.String:
                return new StringLiteral(GoString.Unquote(t.Text)) { Start = t.Position, End = t.EndPosition };
            case TokenKind.LeftParen:
            {
                var inner = ParseExpr(0);
                var close = Take();
                if (close.Kind != TokenKind.RightParen)
                {
                    throw Unexpected(close);
                }

                return new ParenExpr(inner) { Start = t.Position, End = close.EndPosition };
            }

            case TokenKind.LeftBrace:
                return ParseSelector(null, t);
            case TokenKind.Add or TokenKind.Sub:
            {
                var operand = ParseExpr(UnaryBindingPower);
                if (operand is NumberLiteral n)
                {
                    // Prometheus folds a sign into a literal: -1 is a number, not a unary expression.
                    if (t.Kind == TokenKind.Sub)
                    {
                        n.Value = -n.Value;
                    }

                    n.Start = t.Position;
                    return n;
                }

                return new UnaryExpr(t.Kind, operand) { Start = t.Position, End = operand.End };
            }

            case TokenKind.Identifier when Peek().Kind == TokenKind.LeftParen:
                return ParseCall(t);
            default:
                if (TokenInfo.IsAggregator(t.Kind) && Peek().Kind is TokenKind.LeftParen or TokenKind.By or TokenKind.Without)
                {
                    return ParseAggregate(t);
                }

                if (TokenInfo.CanBeMetricName(t.Kind))
                {
                    return ParseSelector(t, null);
                }

                throw Unexpected(t);
        }
    }

    private double ParseNumber(Token t)
    {
        if (GoNumber.TryParse(t.Text, out var v, out var err))
        {
            return v;
        }

        throw Fail(t.Position, err!);
    }

    private VectorSelector ParseSelector(Token? name, Token? openBrace)
    {
        var vs = new VectorSelector { Name = name?.Text };
        if (name is { } n)
        {
            vs.Start = n.Position;
            vs.End = n.EndPosition;
            if (Peek().Kind != TokenKind.LeftBrace)
            {
                return vs;
            }

            openBrace = Take();
        }
        else
        {
            vs.Start = openBrace!.Value.Position;
        }

        while (true)
        {
            var t = Take();
            if (t.Kind == TokenKind.RightBrace)
            {
                vs.End = t.EndPosition;
                return vs;
            }

            if (t.Kind != TokenKind.Identifier)
            {
                throw Unexpected(t, "label matching", "identifier or \"}\"");
            }

            var op = Take();
            var type = op.Kind switch
            {
                TokenKind.Assign => MatchOp.Equal,
                TokenKind.Neq => MatchOp.NotEqual,
                TokenKind.EqlRegex => MatchOp.Regex,
                TokenKind.NeqRegex => MatchOp.NotRegex,
                _ => throw Unexpected(op, "label matching", "label matching operator"),
            };
            var value = Take();
            if (value.Kind != TokenKind.String)
            {
                throw Unexpected(value, "label matching", "string");
            }

            try
            {
                vs.Matchers.Add(new LabelMatcher(t.Text, type, GoString.Unquote(value.Text)));
            }
            catch (FormatException e)
            {
                throw Fail(t.Position, e.Message);
            }

            var sep = Take();
            if (sep.Kind == TokenKind.RightBrace)
            {
                vs.End = sep.EndPosition;
                return vs;
            }

            if (sep.Kind != TokenKind.Comma)
            {
                throw Unexpected(sep, "label matching", "\",\" or \"}\"");
            }
        }
    }

    private Call ParseCall(Token name)
    {
        var (args, end) = ParseCallBody();
        if (!Functions.All.TryGetValue(name.Text, out var fn))
        {
            throw Fail(name.Position, $"unknown function with name {GoString.Quote(name.Text)}");
        }

        var call = new Call(fn) { Start = name.Position, End = end };
        call.Args.AddRange(args);
        return call;
    }

    private (List<Expr> Args, int End) ParseCallBody()
    {
        var open = Take();
        if (open.Kind != TokenKind.LeftParen)
        {
            throw Unexpected(open);
        }

        var args = new List<Expr>();
        if (Peek().Kind == TokenKind.RightParen)
        {
            return (args, Take().EndPosition);
        }

        while (true)
        {
            args.Add(ParseExpr(0));
            var t = Take();
            if (t.Kind == TokenKind.RightParen)
            {
                return (args, t.EndPosition);
            }

            if (t.Kind != TokenKind.Comma)
            {
                throw Unexpected(t);
            }

            // Like Prometheus's grammar: a comma followed by anything that cannot start an expression is
            // reported as a trailing comma.
            if (!CanStartExpression(Peek().Kind))
            {
                throw Fail(t.Position, "trailing commas not allowed in function call args");
            }
        }
    }

    private static bool CanStartExpression(TokenKind k) =>
        k is TokenKind.Number or TokenKind.String or TokenKind.LeftParen or TokenKind.LeftBrace or TokenKind.Add
            or TokenKind.Sub
        || TokenInfo.CanBeMetricName(k);

    private AggregateExpr ParseAggregate(Token op)
    {
        var grouping = new List<string>();
        var without = false;
        var hasModifier = false;
        if (Peek().Kind is TokenKind.By or TokenKind.Without)
        {
            without = Take().Kind == TokenKind.Without;
            ParseGroupingLabels(grouping);
            hasModifier = true;
        }

        var (args, end) = ParseCallBody();
        if (!hasModifier && Peek().Kind is TokenKind.By or TokenKind.Without)
        {
            without = Take().Kind == TokenKind.Without;
            end = ParseGroupingLabels(grouping);
        }

        if (args.Count == 0)
        {
            throw Fail(op.Position, "no arguments for aggregate expression provided");
        }

        var desired = TokenInfo.AggregatorHasParam(op.Kind) ? 2 : 1;
        if (args.Count != desired)
        {
            throw Fail(op.Position, $"wrong number of arguments for aggregate expression provided, expected {desired}, got {args.Count}");
        }

        var agg = new AggregateExpr(op.Kind, args[desired - 1])
        {
            Param = desired == 2 ? args[0] : null,
            Without = without,
            Start = op.Position,
            End = end,
        };
        agg.Grouping.AddRange(grouping);
        return agg;
    }

    private int ParseGroupingLabels(List<string> into)
    {
        var open = Take();
        if (open.Kind != TokenKind.LeftParen)
        {
            throw Unexpected(open, "grouping opts", "\"(\"");
        }

        while (true)
        {
            var t = Take();
            if (t.Kind == TokenKind.RightParen)
            {
                return t.EndPosition;
            }

            if (!TokenInfo.CanBeGroupingLabel(t.Kind) || t.Text.Contains(':', StringComparison.Ordinal))
            {
                throw Unexpected(t, "grouping opts", "label");
            }

            into.Add(t.Text);
            var sep = Take();
            if (sep.Kind == TokenKind.RightParen)
            {
                return sep.EndPosition;
            }

            if (sep.Kind != TokenKind.Comma)
            {
                throw Unexpected(sep, "grouping opts", "\",\" or \")\"");
            }
        }
    }

    private long ParseDuration(Token t)
    {
        if (!Durations.TryParse(t.Text, out var ms, out var err))
        {
            throw Fail(t.Position, err!);
        }

        if (ms == 0)
        {
            throw Fail(t.Position, "duration must be greater than 0");
        }

        return ms;
    }

    private Expr ParseRangeOrSubquery(Expr left)
    {
        var open = Take();
        var d = Take();
        if (d.Kind != TokenKind.Duration)
        {
            throw Unexpected(d, "subquery selector", "duration");
        }

        var range = ParseDuration(d);
        var t = Take();
        if (t.Kind == TokenKind.RightBracket)
        {
            if (left is not VectorSelector vs)
            {
                throw Fail(open.Position, "ranges only allowed for vector selectors");
            }

            if (vs.Modifiers.OffsetMs != 0)
            {
                throw Fail(open.Position, "no offset modifiers allowed before range");
            }

            // Prometheus 2.42 only refuses a numeric @ here; "@ start()"/"@ end()" before a range is accepted.
            if (vs.Modifiers.At == AtKind.Timestamp)
            {
                throw Fail(open.Position, "no @ modifiers allowed before range");
            }

            return new MatrixSelector(vs, range) { Start = vs.Start, End = t.EndPosition };
        }

        if (t.Kind != TokenKind.Colon)
        {
            throw Unexpected(t, "subquery or range", "\":\" or \"]\"");
        }

        long step = 0;
        var s = Take();
        if (s.Kind == TokenKind.Duration)
        {
            step = ParseDuration(s);
            s = Take();
            if (s.Kind != TokenKind.RightBracket)
            {
                throw Unexpected(s, "subquery selector", "\"]\"");
            }
        }
        else if (s.Kind != TokenKind.RightBracket)
        {
            throw Unexpected(s, "subquery selector", "duration or \"]\"");
        }

        return new SubqueryExpr(left, range, step) { Start = left.Start, End = s.EndPosition };
    }

    private static Modifiers? ModifiersOf(Expr e) => e switch
    {
        VectorSelector v => v.Modifiers,
        MatrixSelector m => m.Selector.Modifiers,
        SubqueryExpr s => s.Modifiers,
        _ => null,
    };

    private Expr ParseOffset(Expr left)
    {
        Take();
        var t = Take();
        var negative = false;
        if (t.Kind == TokenKind.Sub)
        {
            negative = true;
            t = Take();
        }

        if (t.Kind != TokenKind.Duration)
        {
            throw Unexpected(t, "offset", "duration");
        }

        var ms = ParseDuration(t);
        var mods = ModifiersOf(left)
            ?? throw Fail(left.Start, "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
        if (mods.OffsetMs != 0)
        {
            throw Fail(left.Start, "offset may not be set multiple times");
        }

        mods.OffsetMs = negative ? -ms : ms;
        left.End = t.EndPosition;
        return left;
    }

    private Expr ParseAt(Expr left)
    {
        Take();
        var t = Take();
        AtKind kind;
        double ts = 0;
        var end = t.EndPosition;
        if (t.Kind is TokenKind.Start or TokenKind.End)
        {
            var open = Take();
            if (open.Kind != TokenKind.LeftParen)
            {
                throw Unexpected(open, "@", "timestamp");
            }

            var close = Take();
            if (close.Kind != TokenKind.RightParen)
            {
                throw Unexpected(close, "@", "timestamp");
            }

            kind = t.Kind == TokenKind.Start ? AtKind.Start : AtKind.End;
            end = close.EndPosition;
        }
        else
        {
            var sign = 1.0;
            if (t.Kind is TokenKind.Add or TokenKind.Sub)
            {
                sign = t.Kind == TokenKind.Sub ? -1 : 1;
                t = Take();
            }

            if (t.Kind != TokenKind.Number)
            {
                throw Unexpected(t, "@", "timestamp");
            }

            ts = sign * ParseNumber(t);
            kind = AtKind.Timestamp;
            end = t.EndPosition;
        }

        var mods = ModifiersOf(left)
            ?? throw Fail(left.Start, "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
        if (kind == AtKind.Timestamp &&
            (double.IsInfinity(ts) || double.IsNaN(ts) || ts >= long.MaxValue || ts <= long.MinValue))
        {
            var shown = double.IsPositiveInfinity(ts) ? "+Inf" : double.IsNegativeInfinity(ts) ? "-Inf" : double.IsNaN(ts) ? "NaN" : ts.ToString("F6", CultureInfo.InvariantCulture);
            throw Fail(left.Start, $"timestamp out of bounds for @ modifier: {shown}");
        }

        if (mods.At != AtKind.None)
        {
            throw Fail(left.Start, "@ <timestamp> may not be set multiple times");
        }

        mods.At = kind;
        mods.AtMs = kind == AtKind.Timestamp ? (long)Math.Clamp(Math.Round(ts * 1000, MidpointRounding.AwayFromZero), -9.2e18, 9.2e18) : 0;
        left.End = end;
        return left;
    }
}
