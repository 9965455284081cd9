namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>A parenthesised expression (kept so printing preserves the tree).</summary>
public sealed class ParenExpr(Expr inner) : Expr
{
    /// <summary>The wrapped expression.</summary>
    public Expr Inner { get; set; } = inner;

    /// <inheritdoc/>
    public override PromValueType Type => Inner.Type;
}
