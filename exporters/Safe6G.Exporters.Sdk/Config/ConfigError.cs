namespace Safe6G.Exporters.Sdk.Config;

/// <summary>One problem in a configuration: where it is (file, line, column, field) and what is wrong.</summary>
public sealed record ConfigError(string File, int Line, int Column, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var place = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return string.IsNullOrEmpty(Field) ? $"{place}: {Message}" : $"{place}: field '{Field}': {Message}";
    }
}
