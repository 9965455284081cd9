namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>A call of a known function.</summary>
public sealed class Call(FunctionInfo function) : Expr
{
    /// <summary>The called function's signature.</summary>
    public FunctionInfo Function { get; set; } = function;

    /// <summary>The arguments.</summary>
    public List<Expr> Args { get; } = [];

    /// <inheritdoc/>
    public override PromValueType Type => Function.ReturnType;
}
