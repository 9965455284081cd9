namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>A range vector selector: a vector selector with a [range]; its offset/@ live on the inner selector.</summary>
public sealed class MatrixSelector(VectorSelector selector, long rangeMs) : Expr
{
    /// <summary>The selected series (carries offset and @).</summary>
    public VectorSelector Selector { get; set; } = selector;

    /// <summary>The range in milliseconds.</summary>
    public long RangeMs { get; set; } = rangeMs;

    /// <inheritdoc/>
    public override PromValueType Type => PromValueType.Matrix;
}
