using System.Globalization;
using System.Text;
using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.PromQl;

/// <summary>
/// Prints a syntax tree as PromQL in Prometheus's String() style (sorted matchers, "sum by (a) (x)",
/// model.Duration spelling). The output always parses back to the same tree.
/// </summary>
public static class Printer
{
    /// <summary>Prints an expression.</summary>
    public static string Print(Expr expr)
    {
        var sb = new StringBuilder(64);
        Write(sb, expr);
        return sb.ToString();
    }

    /// <summary>Formats a number as PromQL (+Inf, -Inf, NaN, shortest round-trip decimal).</summary>
    public static string FormatNumber(double v)
    {
        if (double.IsPositiveInfinity(v))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(v))
        {
            return "-Inf";
        }

        if (double.IsNaN(v))
        {
            return "NaN";
        }

        return v.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case NumberLiteral n:
                sb.Append(FormatNumber(n.Value));
                break;
            case StringLiteral s:
                sb.Append(GoString.Quote(s.Value));
                break;
            case ParenExpr p:
                sb.Append('(');
                Write(sb, p.Inner);
                sb.Append(')');
                break;
            case UnaryExpr u:
                sb.Append(u.Op == TokenKind.Sub ? '-' : '+');
                Write(sb, u.Inner);
                break;
            case BinaryExpr b:
                WriteBinary(sb, b);
                break;
            case AggregateExpr a:
                WriteAggregate(sb, a);
                break;
            case Call c:
                sb.Append(c.Function.Name).Append('(');
                for (var i = 0; i < c.Args.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Write(sb, c.Args[i]);
                }

                sb.Append(')');
                break;
            case VectorSelector v:
                WriteSelectorBody(sb, v);
                WriteModifiers(sb, v.Modifiers);
                break;
            case MatrixSelector m:
                WriteSelectorBody(sb, m.Selector);
                sb.Append('[').Append(Durations.Format(m.RangeMs)).Append(']');
                WriteModifiers(sb, m.Selector.Modifiers);
                break;
            case SubqueryExpr q:
                Write(sb, q.Inner);
                sb.Append('[').Append(Durations.Format(q.RangeMs)).Append(':');
                if (q.StepMs != 0)
                {
                    sb.Append(Durations.Format(q.StepMs));
                }

                sb.Append(']');
                WriteModifiers(sb, q.Modifiers);
                break;
            default:
                throw new NotSupportedException($"cannot print {e.GetType().Name}");
        }
    }

    private static void WriteBinary(StringBuilder sb, BinaryExpr b)
    {
        Write(sb, b.Lhs);
        sb.Append(' ').Append(TokenInfo.OperatorText(b.Op));
        if (b.ReturnBool)
        {
            sb.Append(" bool");
        }

        if (b.Matching is { Explicit: true } vm)
        {
            sb.Append(vm.On ? " on (" : " ignoring (").AppendJoin(", ", vm.MatchingLabels).Append(')');
            if (vm.Card is MatchCardinality.ManyToOne or MatchCardinality.OneToMany)
            {
                sb.Append(vm.Card == MatchCardinality.ManyToOne ? " group_left (" : " group_right (")
                    .AppendJoin(", ", vm.Include).Append(')');
            }
        }

        sb.Append(' ');
        Write(sb, b.Rhs);
    }

    private static void WriteAggregate(StringBuilder sb, AggregateExpr a)
    {
        sb.Append(TokenInfo.OperatorText(a.Op));
        if (a.Without)
        {
            sb.Append(" without (").AppendJoin(", ", a.Grouping).Append(") ");
        }
        else if (a.Grouping.Count > 0)
        {
            sb.Append(" by (").AppendJoin(", ", a.Grouping).Append(") ");
        }

        sb.Append('(');
        if (a.Param != null)
        {
            Write(sb, a.Param);
            sb.Append(", ");
        }

        Write(sb, a.Inner);
        sb.Append(')');
    }

    private static void WriteSelectorBody(StringBuilder sb, VectorSelector v)
    {
        sb.Append(v.Name);
        if (v.Matchers.Count == 0 && v.Name != null)
        {
            return;
        }

        var parts = new string[v.Matchers.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = v.Matchers[i].ToString();
        }

        Array.Sort(parts, StringComparer.Ordinal);
        sb.Append('{').AppendJoin(",", parts).Append('}');
    }

    private static void WriteModifiers(StringBuilder sb, Modifiers m)
    {
        switch (m.At)
        {
            case AtKind.Timestamp:
                var abs = Math.Abs(m.AtMs);
                sb.Append(" @ ").Append(m.AtMs < 0 ? "-" : string.Empty)
                    .Append((abs / 1000).ToString(CultureInfo.InvariantCulture)).Append('.')
                    .Append((abs % 1000).ToString("D3", CultureInfo.InvariantCulture));
                break;
            case AtKind.Start:
                sb.Append(" @ start()");
                break;
            case AtKind.End:
                sb.Append(" @ end()");
                break;
        }

        if (m.OffsetMs != 0)
        {
            sb.Append(" offset ").Append(Durations.Format(m.OffsetMs));
        }
    }
}
