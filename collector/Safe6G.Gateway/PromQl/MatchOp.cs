namespace Safe6G.Gateway.PromQl;

/// <summary>Label matcher operators: =, !=, =~, !~.</summary>
public enum MatchOp
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
