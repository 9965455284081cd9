namespace Safe6G.Gateway.PromQl;

/// <summary>
/// A PromQL syntax or type error at a position; the message reads like Prometheus's
/// ("1:12: parse error: unexpected number \"5\" in offset, expected duration").
/// </summary>
public sealed class PromQlParseException : FormatException
{
    /// <summary>Creates the error for a query, a character offset and the bare reason.</summary>
    public PromQlParseException(string query, int position, string reason)
        : base(Format(query, position, reason))
    {
        Query = query;
        Position = position;
        Reason = reason;
        (Line, Column) = LineColumn(query, position);
    }

    /// <summary>The query that failed.</summary>
    public string Query { get; }

    /// <summary>Character offset (0-based) of the error.</summary>
    public int Position { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error in UTF-8 bytes since the last newline, like Prometheus.</summary>
    public int Column { get; }

    /// <summary>The reason without the position prefix.</summary>
    public string Reason { get; }

    /// <summary>Computes the 1-based line and column of an offset.</summary>
    public static (int Line, int Column) LineColumn(string query, int position)
    {
        var line = 1;
        var lastBreak = -1;
        for (var i = 0; i < position && i < query.Length; i++)
        {
            if (query[i] == '\n')
            {
                line++;
                lastBreak = i;
            }
        }

        // Prometheus counts columns in UTF-8 bytes; do the same so positions match for non-ASCII queries.
        var from = lastBreak + 1;
        var to = Math.Min(position, query.Length);
        return (line, (to > from ? System.Text.Encoding.UTF8.GetByteCount(query.AsSpan(from, to - from)) : 0) + 1 + Math.Max(0, position - query.Length));
    }

    private static string Format(string query, int position, string reason)
    {
        var (line, col) = LineColumn(query, position);
        return $"{line}:{col}: parse error: {reason}";
    }
}
