namespace Safe6G.Exporters.Sdk.Config;

/// <summary>A configuration was rejected; <see cref="Errors"/> lists every problem with its place.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception from one or more errors.</summary>
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString()))) => Errors = errors;

    /// <summary>Creates the exception from a single error.</summary>
    public ConfigException(ConfigError error) : this([error])
    {
    }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
