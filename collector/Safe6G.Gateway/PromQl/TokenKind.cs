namespace Safe6G.Gateway.PromQl;

/// <summary>Kinds of PromQL tokens, mirroring the item types of Prometheus's lexer.</summary>
public enum TokenKind
{
    Eof,
    Error,
    Identifier,
    MetricIdentifier,
    Number,
    String,
    Duration,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Assign,
    Colon,
    At,

    // Operators.
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    EqlC,
    Neq,
    Lte,
    Lss,
    Gte,
    Gtr,
    EqlRegex,
    NeqRegex,
    And,
    Or,
    Unless,
    Atan2,

    // Aggregators.
    Sum,
    Avg,
    Count,
    Min,
    Max,
    Group,
    Stddev,
    Stdvar,
    Topk,
    Bottomk,
    Quantile,
    CountValues,

    // Keywords.
    Bool,
    By,
    GroupLeft,
    GroupRight,
    Ignoring,
    Offset,
    On,
    Without,

    // @ preprocessors.
    Start,
    End,
}
