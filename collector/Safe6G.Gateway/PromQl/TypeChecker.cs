using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.PromQl;

/// <summary>
/// The semantic checks Prometheus runs after a successful parse (checkAST): operand types, function arity and
/// argument types, aggregation parameters, vector matching rules and selector sanity. Throws the first error,
/// visiting children before parents as Prometheus does.
/// </summary>
public static class TypeChecker
{
    /// <summary>Checks a parsed tree; throws <see cref="PromQlParseException"/> on the first violation.</summary>
    public static PromValueType Check(Expr expr, string query) => new Walker(query).Check(expr);

    private sealed class Walker(string query)
    {
        private PromQlParseException Fail(int pos, string reason) => new(query, pos, reason);

        public PromValueType Check(Expr e)
        {
            switch (e)
            {
                case ParenExpr p:
                    return Check(p.Inner);
                case UnaryExpr u:
                {
                    var t = Check(u.Inner);
                    if (t is not (PromValueType.Scalar or PromValueType.Vector))
                    {
                        throw Fail(u.Start, $"unary expression only allowed on expressions of type scalar or instant vector, got {GoString.Quote(Expr.Describe(t))}");
                    }

                    return t;
                }

                case BinaryExpr b:
                    CheckBinary(b);
                    return b.Type;
                case AggregateExpr a:
                    Expect(a.Inner, PromValueType.Vector, "aggregation expression");
                    if (a.Op is TokenKind.Topk or TokenKind.Bottomk or TokenKind.Quantile)
                    {
                        Expect(a.Param!, PromValueType.Scalar, "aggregation parameter");
                    }
                    else if (a.Op == TokenKind.CountValues)
                    {
                        Expect(a.Param!, PromValueType.String, "aggregation parameter");
                    }

                    return a.Type;
                case Call c:
                    CheckCall(c);
                    return c.Type;
                case SubqueryExpr s:
                {
                    var t = Check(s.Inner);
                    if (t != PromValueType.Vector)
                    {
                        throw Fail(s.Start, $"subquery is only allowed on instant vector, got {RawName(t)} instead");
                    }

                    return PromValueType.Matrix;
                }

                case MatrixSelector m:
                    Check(m.Selector);
                    return PromValueType.Matrix;
                case VectorSelector v:
                    CheckSelector(v);
                    return PromValueType.Vector;
                default:
                    return e.Type;
            }
        }

        private void Expect(Expr e, PromValueType want, string context)
        {
            var t = Check(e);
            if (t != want)
            {
                throw Fail(e.Start, $"expected type {Expr.Describe(want)} in {context}, got {Expr.Describe(t)}");
            }
        }

        private void CheckSelector(VectorSelector v)
        {
            if (v.Name != null)
            {
                foreach (var m in v.Matchers)
                {
                    if (m.Name == LabelMatcher.MetricName)
                    {
                        throw Fail(v.Start, $"metric name must not be set twice: {GoString.Quote(v.Name)} or {GoString.Quote(m.Value)}");
                    }
                }

                return;
            }

            // Prevent selecting every series by accident (e.g. {job=~".*"}).
            if (!v.Matchers.Exists(m => !m.Matches(string.Empty)))
            {
                throw Fail(v.Start, "vector selector must contain at least one non-empty matcher");
            }
        }

        private void CheckCall(Call c)
        {
            var fn = c.Function;
            var nargs = fn.ArgTypes.Length;
            if (fn.Variadic == 0)
            {
                if (nargs != c.Args.Count)
                {
                    throw Fail(c.Start, $"expected {nargs} argument(s) in call to {GoString.Quote(fn.Name)}, got {c.Args.Count}");
                }
            }
            else
            {
                var na = nargs - 1;
                if (na > c.Args.Count)
                {
                    throw Fail(c.Start, $"expected at least {na} argument(s) in call to {GoString.Quote(fn.Name)}, got {c.Args.Count}");
                }

                var max = na + fn.Variadic;
                if (fn.Variadic > 0 && max < c.Args.Count)
                {
                    throw Fail(c.Start, $"expected at most {max} argument(s) in call to {GoString.Quote(fn.Name)}, got {c.Args.Count}");
                }
            }

            for (var i = 0; i < c.Args.Count; i++)
            {
                var typeIndex = Math.Min(i, nargs - 1);
                Expect(c.Args[i], fn.ArgTypes[typeIndex], $"call to function {GoString.Quote(fn.Name)}");
            }
        }

        private void CheckBinary(BinaryExpr b)
        {
            var lt = Check(b.Lhs);
            var rt = Check(b.Rhs);
            var opPos = b.Lhs.End;
            while (opPos < query.Length && opPos < b.Rhs.Start && char.IsWhiteSpace(query[opPos]))
            {
                opPos++;
            }

            if (b.ReturnBool && !TokenInfo.IsComparison(b.Op))
            {
                throw Fail(opPos, "bool modifier can only be used on comparison operators");
            }

            if (TokenInfo.IsComparison(b.Op) && !b.ReturnBool && lt == PromValueType.Scalar && rt == PromValueType.Scalar)
            {
                throw Fail(opPos, "comparisons between scalars must use BOOL modifier");
            }

            var vm = b.Matching;
            if (vm != null && TokenInfo.IsSetOperator(b.Op) && vm.Card == MatchCardinality.OneToOne)
            {
                vm.Card = MatchCardinality.ManyToMany;
            }

            if (vm is { On: true })
            {
                foreach (var l in vm.MatchingLabels)
                {
                    if (vm.Include.Contains(l))
                    {
                        throw Fail(opPos, $"label {GoString.Quote(l)} must not occur in ON and GROUP clause at once");
                    }
                }
            }

            if (lt is not (PromValueType.Scalar or PromValueType.Vector))
            {
                throw Fail(b.Lhs.Start, "binary expression must contain only scalar and instant vector types");
            }

            if (rt is not (PromValueType.Scalar or PromValueType.Vector))
            {
                throw Fail(b.Rhs.Start, "binary expression must contain only scalar and instant vector types");
            }

            if (lt != PromValueType.Vector || rt != PromValueType.Vector)
            {
                if (vm is { MatchingLabels.Count: > 0 })
                {
                    throw Fail(b.Start, "vector matching only allowed between instant vectors");
                }
            }
            else if (TokenInfo.IsSetOperator(b.Op) && vm is { Card: MatchCardinality.OneToMany or MatchCardinality.ManyToOne })
            {
                throw Fail(b.Start, $"no grouping allowed for {GoString.Quote(TokenInfo.OperatorText(b.Op))} operation");
            }

            if ((lt == PromValueType.Scalar || rt == PromValueType.Scalar) && TokenInfo.IsSetOperator(b.Op))
            {
                throw Fail(b.Start, $"set operator {GoString.Quote(TokenInfo.OperatorText(b.Op))} not allowed in binary scalar expression");
            }
        }

        private static string RawName(PromValueType t) => t switch
        {
            PromValueType.Scalar => "scalar",
            PromValueType.Vector => "vector",
            PromValueType.Matrix => "matrix",
            _ => "string",
        };
    }
}
