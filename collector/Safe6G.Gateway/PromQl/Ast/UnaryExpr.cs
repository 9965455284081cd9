namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>Unary plus or minus applied to a non-literal expression.</summary>
public sealed class UnaryExpr(TokenKind op, Expr inner) : Expr
{
    /// <summary><see cref="TokenKind.Add"/> or <see cref="TokenKind.Sub"/>.</summary>
    public TokenKind Op { get; set; } = op;

    /// <summary>The operand.</summary>
    public Expr Inner { get; set; } = inner;

    /// <inheritdoc/>
    public override PromValueType Type => Inner.Type;
}
