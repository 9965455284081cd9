namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>The type an expression evaluates to.</summary>
public enum PromValueType
{
    Scalar,
    Vector,
    Matrix,
    String,
}
