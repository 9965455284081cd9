namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>Cardinality of a vector match.</summary>
public enum MatchCardinality
{
    OneToOne,
    ManyToOne,
    OneToMany,
    ManyToMany,
}

/// <summary>on/ignoring and group_left/group_right of a binary expression.</summary>
public sealed class VectorMatching
{
    /// <summary>Cardinality; group_left is many-to-one, group_right one-to-many.</summary>
    public MatchCardinality Card { get; set; }

    /// <summary>True for on(...), false for ignoring(...) or none.</summary>
    public bool On { get; set; }

    /// <summary>True when on or ignoring was written (even with an empty list).</summary>
    public bool Explicit { get; set; }

    /// <summary>The labels in on(...) / ignoring(...).</summary>
    public List<string> MatchingLabels { get; } = [];

    /// <summary>The labels in group_left(...) / group_right(...).</summary>
    public List<string> Include { get; } = [];
}
