using System.Diagnostics;

namespace Safe6G.Exporters.Gnb.Tests.Integration;

/// <summary>Runs net-snmp's command-line tools (snmpget, snmpbulkwalk) with -On and parses "OID = TYPE: value" lines.</summary>
public static class NetSnmp
{
    public static async Task<Dictionary<string, string>> RunAsync(Snmpd agent, string tool, params string[] args)
    {
        var info = new ProcessStartInfo(Safe6G.Testing.Peers.Require(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in agent.ClientEnvironment) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {await stderr}");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (await stdout).Split('\n'))
        {
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (line.StartsWith('.') && eq > 0)
                result[line[1..eq]] = line[(eq + 3)..].Trim();
        }
        return result;
    }

    /// <summary>The text of <c>STRING: "a \"b\" \\ c"</c> with net-snmp's escapes undone.</summary>
    public static string Text(string rendered)
    {
        var quoted = rendered[(rendered.IndexOf('"', StringComparison.Ordinal) + 1)..rendered.LastIndexOf('"')];
        return quoted.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    /// <summary>The number in "INTEGER: 17", "Gauge32: 5", "Timeticks: (123) ..." (with -Ot: "Timeticks: 123").</summary>
    public static double Number(string rendered)
    {
        var text = rendered[(rendered.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('(', ')');
        return double.Parse(text.Split(' ')[0].Trim('(', ')'), System.Globalization.CultureInfo.InvariantCulture);
    }
}
