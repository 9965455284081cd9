namespace Safe6G.Dashboards.Grafana;

/// <summary>A Grafana folder as /api/folders lists it.</summary>
public sealed record GrafanaFolder(string Uid, string Title);

/// <summary>A data source as /api/datasources lists it.</summary>
public sealed record GrafanaDataSource(string Uid, string Name, string Type, bool IsDefault);

/// <summary>What POST /api/dashboards/db answered.</summary>
public sealed record SavedDashboard(string Uid, string Url, int Version, string Status);
