namespace Safe6G.Exporters.Sdk.Config;

/// <summary>Collects validation errors as YAML field paths (<c>brokers[0].url</c>); the loader adds lines.</summary>
public sealed class ConfigValidationContext
{
    private readonly List<(string Path, string Message)> _errors;
    private readonly string _prefix;

    /// <summary>Creates a root context.</summary>
    public ConfigValidationContext() : this([], "")
    {
    }

    private ConfigValidationContext(List<(string, string)> errors, string prefix)
    {
        _errors = errors;
        _prefix = prefix;
    }

    /// <summary>The errors so far, with full paths.</summary>
    public IReadOnlyList<(string Path, string Message)> Errors => _errors;

    /// <summary>Records an error for <paramref name="field"/> (relative to this context).</summary>
    public void Error(string field, string message) => _errors.Add((Join(_prefix, field), message));

    /// <summary>Checks <paramref name="condition"/>; records the message when it is false.</summary>
    public void Require(bool condition, string field, string message)
    {
        if (!condition)
            Error(field, message);
    }

    /// <summary>A context for a nested section, e.g. <c>brokers[2]</c>.</summary>
    public ConfigValidationContext For(string field) => new(_errors, Join(_prefix, field));

    /// <summary>Validates a nested section when it is present.</summary>
    public void Validate(string field, IValidatableConfig? section) => section?.Validate(For(field));

    private static string Join(string prefix, string field) =>
        prefix.Length == 0 ? field : field.StartsWith('[') ? prefix + field : $"{prefix}.{field}";
}
