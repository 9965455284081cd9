namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>What an @ modifier pins evaluation to.</summary>
public enum AtKind
{
    None,
    Timestamp,
    Start,
    End,
}

/// <summary>Offset and @ modifiers shared by selectors and subqueries (times in milliseconds).</summary>
public sealed class Modifiers
{
    /// <summary>Offset in milliseconds (negative allowed); 0 when absent.</summary>
    public long OffsetMs { get; set; }

    /// <summary>Kind of @ modifier.</summary>
    public AtKind At { get; set; }

    /// <summary>@ timestamp in milliseconds when <see cref="At"/> is <see cref="AtKind.Timestamp"/>.</summary>
    public long AtMs { get; set; }
}
