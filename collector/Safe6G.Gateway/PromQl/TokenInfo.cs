using System.Collections.Frozen;

namespace Safe6G.Gateway.PromQl;

/// <summary>Classification of token kinds and the (case-insensitive) keyword table.</summary>
public static class TokenInfo
{
    /// <summary>Words the lexer turns into keyword, operator or aggregator tokens (lower case).</summary>
    public static readonly FrozenDictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["unless"] = TokenKind.Unless,
        ["atan2"] = TokenKind.Atan2,
        ["sum"] = TokenKind.Sum,
        ["avg"] = TokenKind.Avg,
        ["count"] = TokenKind.Count,
        ["min"] = TokenKind.Min,
        ["max"] = TokenKind.Max,
        ["group"] = TokenKind.Group,
        ["stddev"] = TokenKind.Stddev,
        ["stdvar"] = TokenKind.Stdvar,
        ["topk"] = TokenKind.Topk,
        ["bottomk"] = TokenKind.Bottomk,
        ["quantile"] = TokenKind.Quantile,
        ["count_values"] = TokenKind.CountValues,
        ["bool"] = TokenKind.Bool,
        ["by"] = TokenKind.By,
        ["group_left"] = TokenKind.GroupLeft,
        ["group_right"] = TokenKind.GroupRight,
        ["ignoring"] = TokenKind.Ignoring,
        ["offset"] = TokenKind.Offset,
        ["on"] = TokenKind.On,
        ["without"] = TokenKind.Without,
        ["start"] = TokenKind.Start,
        ["end"] = TokenKind.End,
        ["inf"] = TokenKind.Number,
        ["nan"] = TokenKind.Number,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True for binary operators.</summary>
    public static bool IsOperator(TokenKind k) => k is >= TokenKind.Add and <= TokenKind.Atan2;

    /// <summary>True for aggregation operators.</summary>
    public static bool IsAggregator(TokenKind k) => k is >= TokenKind.Sum and <= TokenKind.CountValues;

    /// <summary>True for keywords (modifiers and @ preprocessors).</summary>
    public static bool IsKeyword(TokenKind k) => k is >= TokenKind.Bool and <= TokenKind.End;

    /// <summary>True for aggregators that take a parameter before the vector.</summary>
    public static bool AggregatorHasParam(TokenKind k) =>
        k is TokenKind.Topk or TokenKind.Bottomk or TokenKind.Quantile or TokenKind.CountValues;

    /// <summary>True for comparison operators (the ones that accept bool).</summary>
    public static bool IsComparison(TokenKind k) =>
        k is TokenKind.EqlC or TokenKind.Neq or TokenKind.Lte or TokenKind.Lss or TokenKind.Gte or TokenKind.Gtr;

    /// <summary>True for set operators (and, or, unless).</summary>
    public static bool IsSetOperator(TokenKind k) => k is TokenKind.And or TokenKind.Or or TokenKind.Unless;

    /// <summary>
    /// Tokens that may name a metric in expression position: Prometheus's grammar lets aggregators and some
    /// keywords double as metric names.
    /// </summary>
    public static bool CanBeMetricName(TokenKind k) =>
        k is TokenKind.Identifier or TokenKind.MetricIdentifier or TokenKind.By or TokenKind.Without
            or TokenKind.Offset or TokenKind.And or TokenKind.Or or TokenKind.Unless
            or TokenKind.Start or TokenKind.End
        || IsAggregator(k);

    /// <summary>Tokens whose text may be a label name in by/without/on/ignoring/group_x lists.</summary>
    public static bool CanBeGroupingLabel(TokenKind k) =>
        k is TokenKind.Identifier or TokenKind.MetricIdentifier || IsAggregator(k) || IsKeyword(k)
        || IsSetOperator(k) || k == TokenKind.Atan2;

    /// <summary>The operator's spelling as printed.</summary>
    public static string OperatorText(TokenKind k) => k switch
    {
        TokenKind.Add => "+",
        TokenKind.Sub => "-",
        TokenKind.Mul => "*",
        TokenKind.Div => "/",
        TokenKind.Mod => "%",
        TokenKind.Pow => "^",
        TokenKind.EqlC => "==",
        TokenKind.Neq => "!=",
        TokenKind.Lte => "<=",
        TokenKind.Lss => "<",
        TokenKind.Gte => ">=",
        TokenKind.Gtr => ">",
        TokenKind.And => "and",
        TokenKind.Or => "or",
        TokenKind.Unless => "unless",
        TokenKind.Atan2 => "atan2",
        TokenKind.Sum => "sum",
        TokenKind.Avg => "avg",
        TokenKind.Count => "count",
        TokenKind.Min => "min",
        TokenKind.Max => "max",
        TokenKind.Group => "group",
        TokenKind.Stddev => "stddev",
        TokenKind.Stdvar => "stdvar",
        TokenKind.Topk => "topk",
        TokenKind.Bottomk => "bottomk",
        TokenKind.Quantile => "quantile",
        TokenKind.CountValues => "count_values",
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, "not an operator"),
    };

    /// <summary>
    /// Left binding power of a binary operator (Prometheus precedence: or &lt; and/unless &lt; comparisons
    /// &lt; +,- &lt; *,/,%,atan2 &lt; ^); 0 when the token is not a binary operator.
    /// </summary>
    public static int BindingPower(TokenKind k) => k switch
    {
        TokenKind.Or => 1,
        TokenKind.And or TokenKind.Unless => 2,
        TokenKind.EqlC or TokenKind.Neq or TokenKind.Lte or TokenKind.Lss or TokenKind.Gte or TokenKind.Gtr => 3,
        TokenKind.Add or TokenKind.Sub => 4,
        TokenKind.Mul or TokenKind.Div or TokenKind.Mod or TokenKind.Atan2 => 5,
        TokenKind.Pow => 6,
        _ => 0,
    };
}
