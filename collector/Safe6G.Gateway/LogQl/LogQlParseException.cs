using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.LogQl;

/// <summary>A malformed LogQL query, with the character offset and line:column of the problem.</summary>
public sealed class LogQlParseException : FormatException
{
    /// <summary>Creates the error for a query, an offset and the bare reason.</summary>
    public LogQlParseException(string query, int position, string reason)
        : base(Format(query, position, reason))
    {
        Query = query;
        Position = position;
        Reason = reason;
    }

    /// <summary>The query that failed.</summary>
    public string Query { get; }

    /// <summary>Character offset (0-based) of the error.</summary>
    public int Position { get; }

    /// <summary>The reason without the position prefix.</summary>
    public string Reason { get; }

    private static string Format(string query, int position, string reason)
    {
        var (line, col) = PromQlParseException.LineColumn(query, position);
        return $"{line}:{col}: parse error: {reason}";
    }
}
