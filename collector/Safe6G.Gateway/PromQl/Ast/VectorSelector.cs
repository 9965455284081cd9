namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>An instant vector selector: optional metric name, label matchers, offset and @.</summary>
public sealed class VectorSelector : Expr
{
    /// <summary>The metric name written before the braces, or null.</summary>
    public string? Name { get; set; }

    /// <summary>The matchers inside the braces (the name outside the braces is not repeated here).</summary>
    public List<LabelMatcher> Matchers { get; } = [];

    /// <summary>Offset and @ modifiers.</summary>
    public Modifiers Modifiers { get; } = new();

    /// <inheritdoc/>
    public override PromValueType Type => PromValueType.Vector;
}
