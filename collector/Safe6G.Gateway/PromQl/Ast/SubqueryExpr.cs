namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>A subquery: expr[range:step] with optional offset and @.</summary>
public sealed class SubqueryExpr(Expr inner, long rangeMs, long stepMs) : Expr
{
    /// <summary>The evaluated expression.</summary>
    public Expr Inner { get; set; } = inner;

    /// <summary>The range in milliseconds.</summary>
    public long RangeMs { get; set; } = rangeMs;

    /// <summary>The resolution step in milliseconds; 0 means the default.</summary>
    public long StepMs { get; set; } = stepMs;

    /// <summary>Offset and @ modifiers.</summary>
    public Modifiers Modifiers { get; } = new();

    /// <inheritdoc/>
    public override PromValueType Type => PromValueType.Matrix;
}
