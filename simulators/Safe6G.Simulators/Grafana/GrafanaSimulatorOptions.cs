using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Grafana;

/// <summary>Options of the Grafana-API simulator: where to listen, the accepted credentials and the data sources it lists.</summary>
public sealed record GrafanaSimulatorOptions
{
    /// <summary>HOST:PORT; port 0 picks a free one.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>Service account token accepted as Bearer; null accepts none.</summary>
    public string? Token { get; init; } = "sim-token";

    /// <summary>Basic-auth user accepted with <see cref="Password"/>; null accepts none.</summary>
    public string? User { get; init; } = "admin";

    /// <summary>Basic-auth password.</summary>
    public string? Password { get; init; } = "admin";

    /// <summary>Data sources GET /api/datasources lists.</summary>
    public IReadOnlyList<GrafanaSimDataSource> DataSources { get; init; } =
    [
        new("prometheus-upv", "Prometheus (upv)", "prometheus", true),
        new("loki-upv", "Loki (upv)", "loki", false),
    ];

    /// <summary>Faults in force from the start (500/503, latency, down).</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;
}

/// <summary>A data source of the simulated Grafana.</summary>
public sealed record GrafanaSimDataSource(string Uid, string Name, string Type, bool IsDefault);
