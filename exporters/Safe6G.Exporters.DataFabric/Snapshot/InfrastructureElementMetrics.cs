using System.Text.Json;
using Safe6G.Exporters.DataFabric.Ngsi;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.DataFabric.Snapshot;

/// <summary>
/// InfrastructureElement → families, converting aeriOS units to base units (decimal MB → bytes, % → ratio,
/// MHz → Hz, Mbit/s → bytes/s). Series are added while the broker's pages stream in.
/// </summary>
internal sealed class InfrastructureElementMetrics
{
    private const string P = "datafabric_infrastructure_element_";

    /// <summary>Numeric attributes: NGSI-LD name, metric suffix, help, factor to base units.</summary>
    private static readonly (string Attribute, string Metric, string Help, double Factor)[] Numbers =
    [
        ("cpuCores", "cpu_cores", "CPU cores of the IE.", 1),
        ("cpuFreqMax", "cpu_frequency_max_hertz", "Maximum CPU frequency.", 1e6),
        ("currentCpuUsage", "cpu_usage_ratio", "CPU usage of the whole IE, 0..1.", 0.01),
        ("ramCapacity", "ram_capacity_bytes", "RAM capacity (aeriOS writes decimal MB).", 1e6),
        ("availableRam", "ram_available_bytes", "RAM available.", 1e6),
        ("currentRamUsage", "ram_used_bytes", "RAM in use.", 1e6),
        ("currentRamUsagePct", "ram_usage_ratio", "RAM usage, 0..1.", 0.01),
        ("gpuMemory", "gpu_memory_bytes", "GPU memory.", 1e6),
        ("diskCapacity", "disk_capacity_bytes", "Disk capacity.", 1e6),
        ("availableDisk", "disk_available_bytes", "Disk space available.", 1e6),
        ("currentDiskUsage", "disk_used_bytes", "Disk space in use.", 1e6),
        ("currentDiskUsagePct", "disk_usage_ratio", "Disk usage, 0..1.", 0.01),
        ("netSpeedUp", "network_speed_up_bytes_per_second", "Measured uplink speed (aeriOS writes Mbit/s).", 1e6 / 8),
        ("netSpeedDown", "network_speed_down_bytes_per_second", "Measured downlink speed.", 1e6 / 8),
        ("netTrafficUp", "network_transmit_bytes_per_second", "Current transmit rate (aeriOS writes MB/s).", 1e6),
        ("netTrafficDown", "network_receive_bytes_per_second", "Current receive rate.", 1e6),
        ("netLostPackages", "network_lost_packets", "Receive plus transmit errors reported by the IE.", 1),
        ("avgPowerConsumption", "power_average_watts", "Baseline power consumption (powertop).", 1),
        ("currentPowerConsumption", "power_watts", "Current power consumption (powertop).", 1),
        ("energyEfficiencyRatio", "energy_efficiency_ratio", "Energy efficiency ratio as the IE declares it.", 1),
        ("trustScore", "trust_score", "Trust score of the IE, 0..1.", 1),
    ];

    private static readonly (string Attribute, string Metric, string Help)[] Flags =
    [
        ("realTimeCapable", "realtime_capable", "1 if the IE is real-time capable."),
        ("gpu", "gpu_present", "1 if the IE has a GPU."),
    ];

    /// <summary>The aeriOS IE states (aerios.md §3.8); SDM spellings are mapped onto them.</summary>
    public static readonly string[] States = ["Ready", "Overload", "Unsecure", "Untrusted", "Disabled", "Maintenance"];

    private readonly MetricFamily[] _numbers;
    private readonly MetricFamily[] _flags;
    private readonly MetricFamily _info;
    private readonly MetricFamily _status;
    private readonly MetricFamily _updated;
    private readonly TypeTally _tally;

    public InfrastructureElementMetrics(TypeTally tally)
    {
        _tally = tally;
        string[] labels = ["domain", "ie"];
        _numbers = [.. Numbers.Select(n => new MetricFamily(P + n.Metric, n.Help, MetricType.Gauge, labels))];
        _flags = [.. Flags.Select(f => new MetricFamily(P + f.Metric, f.Help, MetricType.Gauge, labels))];
        _info = new MetricFamily(P + "info", "Inventory of the IE; value 1.", MetricType.Info,
            ["domain", "ie", "hostname", "tier", "cpu_architecture", "operating_system", "container_technology", "low_level_orchestrator", "internal_ip"]);
        _status = new MetricFamily(P + "status", "IE status as a state set: 1 for the current status.", MetricType.StateSet, ["domain", "ie", "status"]);
        _updated = new MetricFamily(P + "last_update_timestamp_seconds", "When the broker last changed the IE (modifiedAt).", MetricType.Gauge, labels);
    }

    /// <summary>IE id → domain, for placing service components.</summary>
    public Dictionary<string, string> DomainOf { get; } = new(StringComparer.Ordinal);

    public void Add(JsonElement entity, string id)
    {
        var domainRef = NgsiAttributes.Reference(entity, "domain");
        if (domainRef is null)
        {
            _tally.Skip("missing_domain", id);
            return;
        }
        var domain = NgsiAttributes.ShortId(domainRef, "Domain");
        var ie = NgsiAttributes.ShortId(id, "InfrastructureElement");
        DomainOf[id] = domain;
        // One label array shared by every family of this IE: ~25 fewer allocations per IE per scrape.
        string[] labels = [domain, ie];

        for (var i = 0; i < Numbers.Length; i++)
        {
            var value = NgsiAttributes.Number(entity, Numbers[i].Attribute, out var wrongType);
            if (wrongType)
                _tally.InvalidAttribute(Numbers[i].Attribute, id);
            else if (value is { } v)
                _numbers[i].Add(v * Numbers[i].Factor, labels);
        }
        for (var i = 0; i < Flags.Length; i++)
        {
            var value = NgsiAttributes.Bool(entity, Flags[i].Attribute, out var wrongType);
            if (wrongType)
                _tally.InvalidAttribute(Flags[i].Attribute, id);
            else if (value is { } b)
                _flags[i].Add(b ? 1 : 0, labels);
        }
        _info.Add(1, domain, ie,
            NgsiAttributes.Text(entity, "hostname") ?? "",
            NgsiAttributes.Enum(entity, "infrastructureElementTier") ?? "",
            Architecture(NgsiAttributes.Enum(entity, "cpuArchitecture")),
            NgsiAttributes.Enum(entity, "operatingSystem") ?? "",
            NgsiAttributes.Text(entity, "containerTechnology") ?? "",
            NgsiAttributes.Reference(entity, "lowLevelOrchestrator") is { } llo ? NgsiAttributes.ShortId(llo, "LowLevelOrchestrator") : "",
            NgsiAttributes.Text(entity, "internalIpAddress") ?? "");

        var status = State(NgsiAttributes.Enum(entity, "infrastructureElementStatus"));
        foreach (var state in States)
            _status.Add(state == status ? 1 : 0, domain, ie, state);
        if (status is not null && Array.IndexOf(States, status) < 0)
            _status.Add(1, domain, ie, status);

        if (NgsiAttributes.ModifiedAt(entity) is { } modified)
            _updated.Add(modified.ToUnixTimeMilliseconds() / 1000.0, labels);
    }

    public void AddTo(MetricSnapshot snapshot)
    {
        foreach (var family in _numbers.Concat(_flags).Append(_info).Append(_status).Append(_updated))
            snapshot.Add(family);
    }

    /// <summary>AMD64 and the older HLO-FE spelling x64 are the same machines (aerios.md §3.8): one label value.</summary>
    public static string Architecture(string? value) => value switch
    {
        null => "",
        "x64" or "x86_64" or "amd64" => "AMD64",
        "arm64" or "aarch64" => "ARM64",
        "risc-v" or "riscv64" => "RISC-V",
        _ => value,
    };

    private static string? State(string? value) => value switch
    {
        "Overloaded" or "OVERLOAD" => "Overload",
        "Insecure" or "UNSECURE" => "Unsecure",
        "READY" => "Ready",
        "UNTRUSTED" => "Untrusted",
        _ => value,
    };
}
