namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>A string literal (already unquoted).</summary>
public sealed class StringLiteral(string value) : Expr
{
    /// <summary>The unquoted value.</summary>
    public string Value { get; set; } = value;

    /// <inheritdoc/>
    public override PromValueType Type => PromValueType.String;
}
