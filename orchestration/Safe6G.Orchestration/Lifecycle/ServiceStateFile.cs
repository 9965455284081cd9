using System.Text.Json;
using System.Text.Json.Serialization;
using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Deployment;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Lifecycle;

/// <summary>
/// The managed services as a JSON file, so a restarted orchestrator still knows what it placed where and why.
/// Written whole after every change (a temporary file renamed over the old one, so a crash never leaves half a file;
/// mode 0600, since private images and charts carry registry credentials);
/// read once at start. A file that cannot be read stops the start with its path and the reason: silently starting
/// empty would forget every placement.
/// </summary>
public sealed class ServiceStateFile(string path)
{
    /// <summary>Format version written into the file.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new PlainObjectConverter() },
    };

    /// <summary>Where the file lives.</summary>
    public string Path { get; } = path;

    /// <summary>Writes every record (call under the orchestrator's lock, so the records do not change meanwhile).</summary>
    public void Save(IEnumerable<ServiceRecord> records)
    {
        var state = new StoredState(Version, [.. records.OrderBy(r => r.Id, StringComparer.Ordinal).Select(Store)]);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.tmp");
        // Descriptors may carry registry credentials (private images and charts): owner-only, like a kubeconfig.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(file, state, Json);
        }
        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>The records in the file; none when it does not exist yet.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a state file this version can read.</exception>
    public IReadOnlyList<ServiceRecord> Load()
    {
        if (!File.Exists(Path))
            return [];
        StoredState? state;
        try
        {
            state = JsonSerializer.Deserialize<StoredState>(File.ReadAllBytes(Path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path}: not a readable orchestrator state file ({ex.Message}); move it away to start empty", ex);
        }
        if (state is null || state.Version != Version)
            throw new InvalidDataException($"{Path}: state file version {state?.Version} is not {Version}; move it away to start empty");
        return [.. state.Services.Select(Restore)];
    }

    private static StoredService Store(ServiceRecord r) => new(r.Id, r.Descriptor, r.Action, r.Reason, r.Revision, r.CreatedAt, r.UpdatedAt,
        [.. r.Components.Select(c => new StoredComponent(c.Name, c.Id, c.Spec, c.Status, c.Ie, c.Domain, c.Reason, c.Decision, c.Plan))],
        [.. r.History]);

    private static ServiceRecord Restore(StoredService s)
    {
        var record = new ServiceRecord
        {
            Id = s.Id,
            Descriptor = s.Descriptor,
            Action = s.Action,
            Reason = s.Reason,
            Revision = s.Revision,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
        };
        foreach (var c in s.Components)
        {
            record.Components.Add(new ComponentRecord
            {
                Name = c.Name,
                Id = c.Id,
                Spec = c.Spec,
                Status = c.Status,
                Ie = c.Ie,
                Domain = c.Domain,
                Reason = c.Reason,
                Decision = c.Decision,
                Plan = c.Plan,
            });
        }
        record.History.AddRange(s.History);
        return record;
    }

    private sealed record StoredState(int Version, IReadOnlyList<StoredService> Services);

    private sealed record StoredService(string Id, ServiceDescriptor Descriptor, ServiceAction Action, string? Reason, int Revision,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<StoredComponent> Components, IReadOnlyList<LifecycleEvent> History);

    private sealed record StoredComponent(string Name, string Id, ComponentSpec Spec, ComponentStatus Status, string? Ie, string? Domain,
        string? Reason, AllocationDecision? Decision, DeploymentPlan? Plan);

    /// <summary>
    /// Helm values are plain YAML objects (maps, lists, strings, numbers, booleans); read them back as the same .NET types
    /// the TOSCA parser makes, not as JsonElement, so a restored service plans exactly as before.
    /// </summary>
    private sealed class PlainObjectConverter : JsonConverter<object>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return Plain(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        {
            if (value.GetType() == typeof(object))
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
                return;
            }
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
        }

        private static object? Plain(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
            JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
