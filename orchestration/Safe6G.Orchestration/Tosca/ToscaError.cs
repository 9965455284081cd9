namespace Safe6G.Orchestration.Tosca;

/// <summary>One problem in a TOSCA descriptor: line, column, the field path and what is wrong.</summary>
public sealed record ToscaError(int Line, int Column, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}:{Column}: {Field}: {Message}" : $"{Field}: {Message}";
}

/// <summary>The descriptor was rejected; <see cref="Errors"/> lists every problem with its place.</summary>
public sealed class ToscaException(IReadOnlyList<ToscaError> errors)
    : Exception("invalid TOSCA service descriptor:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ToscaError> Errors { get; } = errors;
}
