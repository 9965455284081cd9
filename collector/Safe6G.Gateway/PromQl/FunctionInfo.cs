using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.PromQl;

/// <summary>
/// A function signature. <see cref="Variadic"/> follows Prometheus: 0 = fixed arity, n &gt; 0 = the last argument
/// type may appear between 0 and n times, -1 = any number of times.
/// </summary>
public sealed record FunctionInfo(string Name, PromValueType[] ArgTypes, int Variadic, PromValueType ReturnType);
