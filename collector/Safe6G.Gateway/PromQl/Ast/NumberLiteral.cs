namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>A number literal (decimal, hex, octal, Inf, NaN; a leading sign is folded in).</summary>
public sealed class NumberLiteral(double value) : Expr
{
    /// <summary>The value.</summary>
    public double Value { get; set; } = value;

    /// <inheritdoc/>
    public override PromValueType Type => PromValueType.Scalar;
}
