using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.PromQl;

/// <summary>Enumerates the nodes of a syntax tree (pre-order).</summary>
public static class AstWalker
{
    /// <summary>Every node of the tree, parents before children.</summary>
    public static IEnumerable<Expr> Nodes(Expr root)
    {
        var stack = new Stack<Expr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            switch (e)
            {
                case ParenExpr p: stack.Push(p.Inner); break;
                case UnaryExpr u: stack.Push(u.Inner); break;
                case BinaryExpr b:
                    stack.Push(b.Rhs);
                    stack.Push(b.Lhs);
                    break;
                case AggregateExpr a:
                    stack.Push(a.Inner);
                    if (a.Param != null)
                    {
                        stack.Push(a.Param);
                    }

                    break;
                case Call c:
                    for (var i = c.Args.Count - 1; i >= 0; i--)
                    {
                        stack.Push(c.Args[i]);
                    }

                    break;
                case SubqueryExpr s: stack.Push(s.Inner); break;
                case MatrixSelector m: stack.Push(m.Selector); break;
            }
        }
    }

    /// <summary>The direct children of a node.</summary>
    public static IEnumerable<Expr> Children(Expr e)
    {
        switch (e)
        {
            case ParenExpr p: yield return p.Inner; break;
            case UnaryExpr u: yield return u.Inner; break;
            case BinaryExpr b:
                yield return b.Lhs;
                yield return b.Rhs;
                break;
            case AggregateExpr a:
                if (a.Param != null)
                {
                    yield return a.Param;
                }

                yield return a.Inner;
                break;
            case Call c:
                foreach (var arg in c.Args)
                {
                    yield return arg;
                }

                break;
            case SubqueryExpr s: yield return s.Inner; break;
            case MatrixSelector m: yield return m.Selector; break;
        }
    }

    /// <summary>Every vector selector, including those inside range selectors, subqueries and function arguments.</summary>
    public static IEnumerable<VectorSelector> Selectors(Expr root) => Nodes(root).OfType<VectorSelector>();
}
