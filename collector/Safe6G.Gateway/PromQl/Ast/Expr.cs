namespace Safe6G.Gateway.PromQl.Ast;

/// <summary>Base of every PromQL syntax-tree node; <see cref="ToString"/> prints valid PromQL.</summary>
public abstract class Expr
{
    /// <summary>Offset of the node's first character in the parsed query.</summary>
    public int Start { get; set; }

    /// <summary>Offset just past the node's last character in the parsed query.</summary>
    public int End { get; set; }

    /// <summary>The type the expression evaluates to.</summary>
    public abstract PromValueType Type { get; }

    /// <summary>Prints the expression as PromQL (Prometheus's String()).</summary>
    public override string ToString() => Printer.Print(this);

    /// <summary>Human name of a type as used in Prometheus error messages.</summary>
    public static string Describe(PromValueType t) => t switch
    {
        PromValueType.Scalar => "scalar",
        PromValueType.Vector => "instant vector",
        PromValueType.Matrix => "range vector",
        _ => "string",
    };
}
