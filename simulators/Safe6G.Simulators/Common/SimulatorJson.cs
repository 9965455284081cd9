using System.Text.Json;

namespace Safe6G.Simulators.Common;

/// <summary>JSON options of the admin endpoints: camelCase, lenient number handling off.</summary>
public static class SimulatorJson
{
    /// <summary>Shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
