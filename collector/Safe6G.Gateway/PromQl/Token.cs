namespace Safe6G.Gateway.PromQl;

/// <summary>One lexed PromQL token: its kind, its raw text and its character offset in the query.</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    /// <summary>Offset just past the token's text.</summary>
    public int EndPosition => Position + (Kind == TokenKind.Error ? 0 : Text.Length);

    /// <summary>Describes the token the way Prometheus's parser does in "unexpected ..." messages.</summary>
    public string Describe()
    {
        if (TokenInfo.IsOperator(Kind))
        {
            return $"<op:{Text}>";
        }

        if (TokenInfo.IsAggregator(Kind))
        {
            return $"<aggr:{Text}>";
        }

        if (TokenInfo.IsKeyword(Kind))
        {
            return $"<{Text}>";
        }

        return Kind switch
        {
            TokenKind.Eof => "end of input",
            TokenKind.Identifier => $"identifier {GoString.Quote(Text)}",
            TokenKind.MetricIdentifier => $"metric identifier {GoString.Quote(Text)}",
            TokenKind.Number => $"number {GoString.Quote(Text)}",
            TokenKind.String => $"string {GoString.Quote(Text.Length > 10 ? Text[..10] : Text)}{(Text.Length > 10 ? "..." : string.Empty)}",
            TokenKind.Duration => $"duration {GoString.Quote(Text)}",
            _ => GoString.Quote(Text),
        };
    }
}
