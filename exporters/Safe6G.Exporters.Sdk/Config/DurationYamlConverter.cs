using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Safe6G.Exporters.Sdk.Config;

/// <summary>Reads and writes <see cref="TimeSpan"/> as Prometheus duration strings in YAML.</summary>
public sealed class DurationYamlConverter : IYamlTypeConverter
{
    /// <inheritdoc />
    public bool Accepts(Type type) => type == typeof(TimeSpan) || type == typeof(TimeSpan?);

    /// <inheritdoc />
    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (type == typeof(TimeSpan?) && (scalar.Value.Length == 0 || scalar.Value is "~" or "null"))
            return null;
        if (PrometheusDuration.TryParse(scalar.Value, out var value))
            return value;
        throw new YamlException(scalar.Start, scalar.End,
            $"not a valid duration string: \"{scalar.Value}\" (use e.g. 500ms, 10s, 1m30s)");
    }

    /// <inheritdoc />
    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(value is TimeSpan span ? PrometheusDuration.Format(span) : ""));
}
