using Prometheus;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>
/// Chooses which of prometheus-net's built-in families an exporter serves: the process_* and dotnet_*
/// basics stay; the EventCounter and Meter adapters go. They listen to every runtime counter, cost memory
/// the exporter budget (64 MB, seed §3.1.1) cannot spare, and their names are not promtool-clean.
/// </summary>
public static class RuntimeMetrics
{
    private static int _configured;

    /// <summary>Applies the choice once per process, before the default registry is first used.</summary>
    public static void ConfigureOnce()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
            return;
        try
        {
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
            {
                SuppressProcessMetrics = false,
                SuppressDebugMetrics = true,
                SuppressEventCounters = true,
                SuppressMeters = true,
            });
        }
        catch (InvalidOperationException)
        {
            // The default registry was already used in this process (tests): keep what it has.
        }
    }
}
