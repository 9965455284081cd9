namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>A binary operation with optional bool and vector matching.</summary>
public sealed class BinaryExpr(TokenKind op, Expr lhs, Expr rhs) : Expr
{
    /// <summary>The operator token kind.</summary>
    public TokenKind Op { get; set; } = op;

    /// <summary>Left operand.</summary>
    public Expr Lhs { get; set; } = lhs;

    /// <summary>Right operand.</summary>
    public Expr Rhs { get; set; } = rhs;

    /// <summary>True when the bool modifier was given.</summary>
    public bool ReturnBool { get; set; }

    /// <summary>Vector matching modifiers, or null when none were written.</summary>
    public VectorMatching? Matching { get; set; }

    /// <inheritdoc/>
    public override PromValueType Type =>
        Lhs.Type == PromValueType.Scalar && Rhs.Type == PromValueType.Scalar ? PromValueType.Scalar : PromValueType.Vector;
}
