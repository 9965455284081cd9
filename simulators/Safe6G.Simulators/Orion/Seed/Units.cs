namespace Safe6G.Simulators.Orion.Seed;

/// <summary>unitCode strings exactly as aeriOS self-awareness writes them (free text, not UN/CEFACT).</summary>
internal static class Units
{
    public const string Percent = "Percentage (%)";
    public const string Megabytes = "Megabytes (MB)";
    public const string Megahertz = "Megahertzs (MHz)";
    public const string Watts = "Watts (W)";
    public const string Megabits = "Megabits per second (Mb/s)";
    public const string MegabytesPerSecond = "Megabytes per second (MB/s)";
}
