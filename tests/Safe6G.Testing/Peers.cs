namespace Safe6G.Testing;

/// <summary>
/// Finds the real peers (Debian packages) the tests use. A missing peer is a failure with a clear
/// message, never a silent skip: ./test.sh installs them.
/// </summary>
public static class Peers
{
    /// <summary>Returns the full path of <paramref name="binary"/> or throws saying how to install it.</summary>
    public static string Require(string binary)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/bin", "/usr/sbin", "/usr/local/bin"]))
        {
            if (dir.Length == 0)
                continue;
            var candidate = Path.Combine(dir, binary);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            $"test peer '{binary}' is not installed: run ./test.sh (it installs the Debian peers) or apt-get install {PackageOf(binary)}");
    }

    private static string PackageOf(string binary) => binary switch
    {
        "promtool" => "prometheus",
        "snmpd" => "snmpd",
        "snmpget" or "snmpwalk" or "snmpbulkwalk" => "snmp",
        "prometheus-node-exporter" => "prometheus-node-exporter",
        "prometheus-snmp-exporter" => "prometheus-snmp-exporter",
        "chromedriver" => "chromium-driver",
        _ => binary,
    };
}
