namespace Safe6G.Gateway.PromQl;

/// <summary>Label matcher operators: =, !=, =~, !~.</summary>
public enum MatchType
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
