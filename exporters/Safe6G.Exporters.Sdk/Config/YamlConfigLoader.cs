using System.Collections;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Safe6G.Exporters.Sdk.Config;

/// <summary>
/// Loads a typed YAML config (snake_case fields, Prometheus durations), applies environment overrides and
/// validates it. Every problem comes back as a <see cref="ConfigException"/> naming file, line and field;
/// unknown fields and duplicate keys are errors, never silently ignored.
/// </summary>
public static partial class YamlConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new DurationYamlConverter())
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Loads <paramref name="path"/>; a null path gives the defaults (still with overrides and validation).</summary>
    public static T Load<T>(string? path, string? environmentPrefix = null, IDictionary? environment = null) where T : class, new()
    {
        var file = path ?? "(defaults)";
        string text;
        try
        {
            text = path is null ? "" : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(new ConfigError(file, 0, 0, "", $"cannot read the file: {ex.Message}"));
        }
        return Parse<T>(text, file, environmentPrefix, environment);
    }

    /// <summary>Parses YAML text; <paramref name="file"/> is only used to name the place in errors.</summary>
    public static T Parse<T>(string text, string file, string? environmentPrefix = null, IDictionary? environment = null) where T : class, new()
    {
        YamlPathIndex index;
        T config;
        try
        {
            index = YamlPathIndex.Build(text);
            config = Deserializer.Deserialize<T?>(text) ?? new T();
        }
        catch (YamlException ex)
        {
            throw new ConfigException(Describe(ex, file, text));
        }

        var errors = new List<ConfigError>();
        if (environmentPrefix is not null)
            errors.AddRange(EnvironmentOverrides.Apply(config, environmentPrefix, environment ?? Environment.GetEnvironmentVariables(), Deserializer));
        if (config is IValidatableConfig validatable)
        {
            var context = new ConfigValidationContext();
            validatable.Validate(context);
            foreach (var (fieldPath, message) in context.Errors)
            {
                var mark = index.Find(fieldPath);
                errors.Add(new ConfigError(file, mark is { } m ? (int)m.Line : 0, mark is { } c ? (int)c.Column : 0, fieldPath, message));
            }
        }
        if (errors.Count > 0)
            throw new ConfigException(errors);
        return config;
    }

    private static ConfigError Describe(YamlException ex, string file, string text)
    {
        var innermost = ex;
        Exception? cause = ex.InnerException;
        while (cause is YamlException nested)
        {
            innermost = nested;
            cause = nested.InnerException;
        }
        string? field = null;
        try
        {
            field = YamlPathIndex.Build(text).PathAt(innermost.Start);
        }
        catch (YamlException)
        {
            // The text does not even parse as YAML: the syntax error below says where.
        }
        var message = innermost.Message;
        var unknown = UnknownProperty().Match(message);
        if (unknown.Success)
        {
            message = $"unknown field '{unknown.Groups[1].Value}'";
        }
        else if (cause is not null)
        {
            message = $"invalid value: {cause.Message}";
        }
        else if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            message = message[(message.IndexOf("): ", StringComparison.Ordinal) + 3)..];
        }
        return new ConfigError(file, (int)innermost.Start.Line, (int)innermost.Start.Column, field ?? "", message);
    }

    [GeneratedRegex("Property '([^']+)' not found on type")]
    private static partial Regex UnknownProperty();
}
