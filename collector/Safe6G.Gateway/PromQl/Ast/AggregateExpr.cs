namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>An aggregation such as sum by (job) (rate(x[5m])) or topk(5, x).</summary>
public sealed class AggregateExpr(TokenKind op, Expr inner) : Expr
{
    /// <summary>The aggregation operator token kind.</summary>
    public TokenKind Op { get; set; } = op;

    /// <summary>The aggregated vector expression.</summary>
    public Expr Inner { get; set; } = inner;

    /// <summary>The parameter of topk, bottomk, quantile and count_values, else null.</summary>
    public Expr? Param { get; set; }

    /// <summary>The by/without labels.</summary>
    public List<string> Grouping { get; } = [];

    /// <summary>True for without, false for by.</summary>
    public bool Without { get; set; }

    /// <inheritdoc/>
    public override PromValueType Type => PromValueType.Vector;
}
