using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Safe6G.Snmp.Tests.Integration;

/// <summary>Runs the real net-snmp command-line tools and parses their "-On" output.</summary>
public static class NetSnmpTool
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr, List<(string Oid, string Value)> Lines);

    public static async Task<Result> RunAsync(SnmpdFixture f, string tool, IEnumerable<string> args)
    {
        var exe = SnmpdFixture.FindExecutable(tool) ?? throw new InvalidOperationException($"{tool} not found: apt-get install -y snmp");
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in f.NetSnmpEnvironment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var stdout = await so;
        return new Result(p.ExitCode, stdout, await se, Parse(stdout));
    }

    /// <summary>"OID = VALUE" lines (a Hex-STRING may continue on following lines).</summary>
    public static List<(string Oid, string Value)> Parse(string output)
    {
        var list = new List<(string, string)>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            int eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (line.StartsWith('.') && eq > 0)
                list.Add((line[1..eq], line[(eq + 3)..].TrimEnd()));
            else if (list.Count > 0 && line.Length > 0)
                list[^1] = (list[^1].Item1, list[^1].Item2 + " " + line.Trim());
        }
        return list;
    }

    /// <summary>How net-snmp prints a value with "-On -Ot" (no MIBs loaded).</summary>
    public static string Render(SnmpValue v)
    {
        var ci = CultureInfo.InvariantCulture;
        switch (v.Type)
        {
            case SnmpType.Integer: return "INTEGER: " + v.AsInt64().ToString(ci);
            case SnmpType.OctetString:
            {
                var b = v.AsBytes().Span;
                if (b.Length == 0) return "\"\"";
                bool printable = true;
                foreach (var c in b) if (!(c >= 0x20 && c < 0x7F) && c is not (9 or 10 or 11 or 12 or 13)) printable = false;
                if (printable)
                    return "STRING: \"" + Encoding.ASCII.GetString(b).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
                var sb = new StringBuilder("Hex-STRING:");
                foreach (var c in b) sb.Append(' ').Append(c.ToString("X2", ci));
                return sb.ToString();
            }
            case SnmpType.Gauge32: return "Gauge32: " + v.AsUInt32().ToString(ci);
            case SnmpType.Counter32: return "Counter32: " + v.AsUInt32().ToString(ci);
            case SnmpType.Counter64: return "Counter64: " + v.AsUInt64().ToString(ci);
            case SnmpType.TimeTicks: return v.AsUInt32().ToString(ci);
            case SnmpType.IpAddress: return "IpAddress: " + v.AsIpAddress();
            case SnmpType.ObjectIdentifier: return "OID: ." + v.AsOid();
            case SnmpType.OpaqueFloat: return "Opaque: Float: " + v.AsFloat().ToString("F6", ci);
            case SnmpType.OpaqueDouble: return "Opaque: Double: " + v.AsDouble().ToString("F6", ci);
            case SnmpType.NoSuchObject: return "No Such Object available on this agent at this OID";
            case SnmpType.NoSuchInstance: return "No Such Instance currently exists at this OID";
            case SnmpType.EndOfMibView: return "No more variables left in this MIB View (It is past the end of the MIB tree)";
            default: return v.ToString();
        }
    }
}
