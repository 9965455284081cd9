using System.Collections;
using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Safe6G.Exporters.Sdk.Config;

/// <summary>
/// Applies <c>PREFIX_SECTION__FIELD=value</c> environment variables onto a loaded config, the way
/// ASP.NET Core maps <c>__</c> to nesting: <c>SAFE6G_EXAMPLE_SCRAPE__CACHE_TTL=2s</c> sets <c>scrape.cache_ttl</c>.
/// Values are parsed as YAML, so durations, numbers, booleans and flow lists all work.
/// </summary>
internal static class EnvironmentOverrides
{
    public static List<ConfigError> Apply(object config, string prefix, IDictionary environment, IDeserializer deserializer)
    {
        var errors = new List<ConfigError>();
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is not string name || !name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || name.Length == prefix.Length)
                continue;
            var value = entry.Value as string ?? "";
            var segments = name[prefix.Length..].ToLowerInvariant().Split("__");
            var field = string.Join('.', segments);
            try
            {
                Set(config, segments, value, deserializer);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or YamlDotNet.Core.YamlException or InvalidOperationException)
            {
                errors.Add(new ConfigError($"environment {name}", 0, 0, field, Unwrap(ex)));
            }
        }
        return errors;
    }

    private static void Set(object target, string[] segments, string value, IDeserializer deserializer)
    {
        var current = target;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            switch (current)
            {
                case IList list when int.TryParse(segment, out var index):
                    if (index < 0 || index >= list.Count)
                        throw new ArgumentException($"index {index} is out of range (the list has {list.Count} items)");
                    if (last)
                        list[index] = Parse(value, ElementType(list.GetType()), deserializer);
                    else
                        current = list[index] ?? throw new ArgumentException($"item {index} is empty");
                    break;
                case IDictionary dict:
                    var valueType = dict.GetType().GetGenericArguments().ElementAtOrDefault(1) ?? typeof(string);
                    if (last)
                        dict[segment] = Parse(value, valueType, deserializer);
                    else
                    {
                        if (!dict.Contains(segment))
                            dict[segment] = Activator.CreateInstance(valueType) ?? throw new ArgumentException($"cannot create '{segment}'");
                        current = dict[segment]!;
                    }
                    break;
                default:
                    var property = FindProperty(current.GetType(), segment)
                        ?? throw new ArgumentException($"unknown field '{segment}'");
                    if (last)
                        property.SetValue(current, Parse(value, property.PropertyType, deserializer));
                    else
                    {
                        var next = property.GetValue(current);
                        if (next is null)
                        {
                            next = Activator.CreateInstance(property.PropertyType) ?? throw new ArgumentException($"cannot create '{segment}'");
                            property.SetValue(current, next);
                        }
                        current = next;
                    }
                    break;
            }
        }
    }

    private static PropertyInfo? FindProperty(Type type, string yamlName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || !p.PropertyType.IsValueType)
            .FirstOrDefault(p => YamlName(p) == yamlName);

    internal static string YamlName(PropertyInfo property) =>
        property.GetCustomAttribute<YamlMemberAttribute>()?.Alias ?? UnderscoredNamingConvention.Instance.Apply(property.Name);

    private static Type ElementType(Type listType) =>
        listType.IsArray ? listType.GetElementType()! : listType.GetGenericArguments().FirstOrDefault() ?? typeof(string);

    private static object? Parse(string value, Type type, IDeserializer deserializer) =>
        type == typeof(string) ? value : deserializer.Deserialize(new StringReader(value), type);

    private static string Unwrap(Exception ex)
    {
        while (ex.InnerException is not null)
            ex = ex.InnerException;
        return ex.Message;
    }
}
