using System.Globalization;
using System.Text;
using Safe6G.Exporters.Gnb.Config;
using Safe6G.Testing;

namespace Safe6G.Exporters.Gnb.Tests.Integration;

/// <summary>
/// The real prometheus-snmp-exporter 0.21 (Debian) with a snmp.yml translated from our modules: 0.21's layout
/// (auth inside each module, no auths:/modules: split, no scale/offset), metrics named m0, m1, ... so values
/// can be paired by OID while names differ by design.
/// </summary>
public sealed class SnmpExporter021 : IAsyncDisposable
{
    private readonly TempDir _dir;
    private readonly ManagedProcess _process;

    private SnmpExporter021(TempDir dir, ManagedProcess process, string baseUrl)
    {
        _dir = dir;
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<SnmpExporter021> StartAsync(IReadOnlyDictionary<string, ModuleConfig> modules, string community)
    {
        var dir = new TempDir("safe6g-snmp-exporter");
        var config = dir.Write("snmp.yml", Translate(modules, community));
        var port = FreePort.Tcp();
        var process = ManagedProcess.Start(Peers.Require("prometheus-snmp-exporter"),
            [$"--config.file={config}", $"--web.listen-address=127.0.0.1:{port}"]);
        var exporter = new SnmpExporter021(dir, process, $"http://127.0.0.1:{port}");
        try
        {
            await Http.WaitUntilOkAsync(exporter.BaseUrl + "/", TimeSpan.FromSeconds(20), () => process.Output);
        }
        catch
        {
            await exporter.DisposeAsync();
            throw;
        }
        return exporter;
    }

    public static string NameOf(int index) => $"m{index}";

    public static string Translate(IReadOnlyDictionary<string, ModuleConfig> modules, string community)
    {
        var ci = CultureInfo.InvariantCulture;
        var yaml = new StringBuilder();
        foreach (var (name, module) in modules)
        {
            yaml.Append(ci, $"{name}:\n  version: 2\n  auth: {{community: {community}}}\n");
            yaml.Append(ci, $"  max_repetitions: {module.MaxRepetitions}\n  retries: {module.Retries}\n  timeout: {(int)module.Timeout.TotalSeconds}s\n");
            if (module.Walk.Count > 0)
                yaml.Append(ci, $"  walk: [{string.Join(", ", module.Walk)}]\n");
            if (module.Get.Count > 0)
                yaml.Append(ci, $"  get: [{string.Join(", ", module.Get)}]\n");
            yaml.Append("  metrics:\n");
            for (var i = 0; i < module.Metrics.Count; i++)
            {
                var m = module.Metrics[i];
                yaml.Append(ci, $"    - name: {NameOf(i)}\n      oid: {m.Oid}\n      type: {m.Type}\n      help: {m.Name}\n");
                if (m.Indexes.Count > 0)
                {
                    yaml.Append("      indexes:\n");
                    foreach (var index in m.Indexes)
                        yaml.Append(ci, $"        - {{labelname: {index.Labelname}, type: {index.Type}}}\n");
                }
                if (m.Lookups.Count > 0)
                {
                    yaml.Append("      lookups:\n");
                    foreach (var lookup in m.Lookups)
                        yaml.Append(ci, $"        - {{labels: [{string.Join(", ", lookup.Labels)}], labelname: {lookup.Labelname}, oid: {lookup.Oid}, type: {lookup.Type}}}\n");
                }
                if (m.EnumValues.Count > 0)
                    yaml.Append(ci, $"      enum_values: {{{string.Join(", ", m.EnumValues.Select(e => $"{e.Key}: {e.Value}"))}}}\n");
            }
        }
        return yaml.ToString();
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
