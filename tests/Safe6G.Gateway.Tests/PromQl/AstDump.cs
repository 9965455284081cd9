using System.Globalization;
using System.Text;
using Safe6G.Gateway.PromQl;
using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>A position-free, fully explicit rendering of a tree, used to compare trees structurally.</summary>
internal static class AstDump
{
    public static string Dump(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case NumberLiteral n:
                sb.Append("(num ").Append(n.Value.ToString("R", CultureInfo.InvariantCulture)).Append(')');
                break;
            case StringLiteral s:
                sb.Append("(str ").Append(GoString.Quote(s.Value)).Append(')');
                break;
            case ParenExpr p:
                sb.Append("(paren ");
                Write(sb, p.Inner);
                sb.Append(')');
                break;
            case UnaryExpr u:
                sb.Append("(unary ").Append(u.Op).Append(' ');
                Write(sb, u.Inner);
                sb.Append(')');
                break;
            case BinaryExpr b:
                sb.Append("(bin ").Append(b.Op).Append(b.ReturnBool ? " bool" : string.Empty);
                if (b.Matching is { } vm)
                {
                    sb.Append(" (match ").Append(vm.Card).Append(vm.On ? " on" : " ignoring").Append(vm.Explicit ? " explicit" : string.Empty)
                        .Append(" [").AppendJoin(',', vm.MatchingLabels).Append("] [").AppendJoin(',', vm.Include).Append("])");
                }

                sb.Append(' ');
                Write(sb, b.Lhs);
                sb.Append(' ');
                Write(sb, b.Rhs);
                sb.Append(')');
                break;
            case AggregateExpr a:
                sb.Append("(agg ").Append(a.Op).Append(a.Without ? " without [" : " by [").AppendJoin(',', a.Grouping).Append("] ");
                if (a.Param != null)
                {
                    Write(sb, a.Param);
                    sb.Append(' ');
                }

                Write(sb, a.Inner);
                sb.Append(')');
                break;
            case Call c:
                sb.Append("(call ").Append(c.Function.Name);
                foreach (var arg in c.Args)
                {
                    sb.Append(' ');
                    Write(sb, arg);
                }

                sb.Append(')');
                break;
            case VectorSelector v:
                sb.Append("(vs ").Append(v.Name ?? "-");
                // Matcher order carries no meaning (the printer sorts them like Prometheus does).
                foreach (var m in v.Matchers.Select(m => m.ToString()).Order(StringComparer.Ordinal))
                {
                    sb.Append(' ').Append(m);
                }

                Mods(sb, v.Modifiers);
                sb.Append(')');
                break;
            case MatrixSelector m:
                sb.Append("(ms ").Append(m.RangeMs).Append(' ');
                Write(sb, m.Selector);
                sb.Append(')');
                break;
            case SubqueryExpr q:
                sb.Append("(sq ").Append(q.RangeMs).Append(':').Append(q.StepMs);
                Mods(sb, q.Modifiers);
                sb.Append(' ');
                Write(sb, q.Inner);
                sb.Append(')');
                break;
            default:
                throw new InvalidOperationException(e.GetType().Name);
        }
    }

    private static void Mods(StringBuilder sb, Modifiers m) =>
        sb.Append(" offset=").Append(m.OffsetMs).Append(" at=").Append(m.At).Append(':').Append(m.AtMs);
}
