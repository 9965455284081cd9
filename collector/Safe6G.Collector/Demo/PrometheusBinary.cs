using System.Diagnostics;

namespace Safe6G.Collector.Demo;

/// <summary>Finds the real Prometheus for the demo, installing the Debian package when we are root and it is missing.</summary>
internal static class PrometheusBinary
{
    public static string? Find(TextWriter output)
    {
        var found = FindPeer("prometheus");
        if (found is not null)
            return found;
        if (Environment.UserName == "root" && FindPeer("apt-get") is { } apt)
        {
            output.WriteLine("safe6g demo: Prometheus is not installed; installing the Debian packages prometheus and prometheus-node-exporter with apt-get...");
            Run(apt, "update -qq");
            Run(apt, "install -y -qq prometheus prometheus-node-exporter");
            found = FindPeer("prometheus");
            if (found is not null)
                return found;
        }
        output.WriteLine("safe6g demo: Prometheus is not installed (apt-get install prometheus). Running without it: the simulators,");
        output.WriteLine("exporters (/metrics and /probe), the gateway and the orchestrator API still work; queries, the sample");
        output.WriteLine("deployment and the dataset export need Prometheus and are skipped.");
        return null;
    }

    public static string? FindPeer(string binary) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/bin", "/usr/sbin", "/bin"])
            .Where(d => d.Length > 0).Select(d => Path.Combine(d, binary)).FirstOrDefault(File.Exists);

    private static void Run(string file, string args)
    {
        var info = new ProcessStartInfo(file, args) { UseShellExecute = false };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info);
        process?.WaitForExit();
    }
}
