namespace Safe6G.Dashboards.Building;

/// <summary>Grafana unit ids for the base units our metrics use.</summary>
public static class Units
{
    public const string Ratio = "percentunit";
    public const string Bytes = "bytes";
    public const string BytesPerSecond = "Bps";
    public const string Watts = "watt";
    public const string Joules = "joule";
    public const string Seconds = "s";
    public const string Count = "short";
    public const string Cores = "short";
    public const string PerSecond = "ops";
    public const string Hertz = "hertz";
    public const string Dbm = "dBm";
}
