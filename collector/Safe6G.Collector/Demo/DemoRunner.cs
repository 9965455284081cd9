using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Safe6G.Deploy;

namespace Safe6G.Collector.Demo;

/// <summary>
/// <c>safe6g demo</c>: starts a simulated two-domain continuum (simulators, our four exporters, a real
/// Prometheus per domain and a central one, gateway, orchestrator, portal), exercises it once (a service
/// deployment, the dashboards, a dataset) and prints what to try. Everything it starts stops with it.
/// </summary>
internal sealed class DemoRunner(string dir, TimeSpan? runFor, TextWriter output) : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<DemoProcess> _processes = [];
    private readonly List<(string Component, string Url, string Try)> _table = [];
    private readonly List<string> _problems = [];
    private readonly string _safe6g = typeof(DemoRunner).Assembly.Location;
    private readonly string _logs = Path.Combine(dir, "logs");
    private readonly DemoLayout _ports = new(new DemoPorts());

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_logs);
        output.WriteLine($"safe6g demo: working folder {Path.GetFullPath(dir)} (logs in {_logs})");
        var prometheus = PrometheusBinary.Find(output);

        await StartSimulatorsAsync(cancellationToken).ConfigureAwait(false);
        await StartExportersAsync(cancellationToken).ConfigureAwait(false);
        var (jwks, signingKey) = await DemoKeysAsync(cancellationToken).ConfigureAwait(false);
        GenerateConfiguration(jwks);
        if (prometheus is not null)
            await StartPrometheusAsync(prometheus, cancellationToken).ConfigureAwait(false);
        var tokens = await StartGatewayAsync(jwks, signingKey, cancellationToken).ConfigureAwait(false);
        await StartOrchestratorAsync(cancellationToken).ConfigureAwait(false);
        await StartPortalAsync(cancellationToken).ConfigureAwait(false);
        await BuildDashboardsAsync(cancellationToken).ConfigureAwait(false);
        if (prometheus is not null)
        {
            await DeploySampleServiceAsync(cancellationToken).ConfigureAwait(false);
            await ExportDatasetAsync(tokens, cancellationToken).ConfigureAwait(false);
        }
        PrintTable(tokens);
        WriteState(tokens);

        output.WriteLine(runFor is { } d ? $"Running for {d.TotalSeconds:0} s." : "Press Ctrl-C to stop everything.");
        output.WriteLine("DEMO READY");
        try
        {
            await Task.Delay(runFor ?? Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: stop below.
        }
        return _problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    public void Dispose()
    {
        output.WriteLine($"safe6g demo: stopping {_processes.Count} processes...");
        // Consumers are signalled first (portal, gateway, orchestrator, Prometheus), upstream simulators last; all share
        // one grace period, well inside the CLI's shutdown budget.
        DemoProcess.StopAll([.. Enumerable.Reverse(_processes)], TimeSpan.FromSeconds(10));
        var left = _processes.Where(p => !p.HasExited).Select(p => $"{p.Name} (pid {p.Pid})").ToList();
        foreach (var process in _processes)
            process.Dispose();
        output.WriteLine(left.Count == 0 ? "safe6g demo: everything stopped." : $"safe6g demo: still running: {string.Join(", ", left)}");
    }

    private async Task StartSimulatorsAsync(CancellationToken ct)
    {
        var ncsrd = await Safe6g("orion-ncsrd", ["sim", "orion", "--listen", Local(_ports.OrionNcsrd), "--domain", "ncsrd", "--scale", "12", "--seed", "2"],
            $"{Url(_ports.OrionNcsrd)}/version", ct).ConfigureAwait(false);
        var upv = await Safe6g("orion-upv", ["sim", "orion", "--listen", Local(_ports.OrionUpv), "--domain", "upv", "--scale", "20", "--seed", "1",
            "--peer", Url(_ports.OrionNcsrd)], $"{Url(_ports.OrionUpv)}/version", ct).ConfigureAwait(false);
        if (upv)
            _table.Add(("Orion-LD simulator (upv, federated with ncsrd)", Url(_ports.OrionUpv),
                $"curl -s '{Url(_ports.OrionUpv)}/ngsi-ld/v1/entities?type=InfrastructureElement&limit=2&count=true&format=simplified' -D - | head -20"));
        _ = ncsrd;
        await Safe6g("cnc-sim", ["sim", "cnc", "--listen", Local(_ports.Cnc), "--seed", "3"], $"{Url(_ports.Cnc)}/_sim/faults", ct).ConfigureAwait(false);
        await Safe6g("metaverse-sim", ["sim", "metaverse", "--listen", Local(_ports.MetaverseSim), "--seed", "4"], $"{Url(_ports.MetaverseSim)}/_sim/faults", ct).ConfigureAwait(false);
        await Safe6g("snmp-gnb-1", ["sim", "snmp", "--listen", Local(_ports.Snmp1), "--seed", "5"], null, ct).ConfigureAwait(false);
        await Safe6g("snmp-gnb-2", ["sim", "snmp", "--listen", Local(_ports.Snmp2), "--seed", "6"], null, ct).ConfigureAwait(false);
        await Safe6g("loki-sim", ["sim", "loki", "--listen", Local(_ports.Loki), "--seed", "7"], $"{Url(_ports.Loki)}/ready", ct).ConfigureAwait(false);
    }

    private async Task StartExportersAsync(CancellationToken ct)
    {
        var datafabric = Write("datafabric.yml", $"""
            domain: upv
            brokers:
              - {"{"}name: continuum, url: "{Url(_ports.OrionUpv)}", local: false{"}"}
            """);
        if (await Safe6g("exporter-datafabric", ["exporter", "datafabric", "--config", datafabric, "--listen", Local(_ports.DataFabric)], $"{Url(_ports.DataFabric)}/-/ready", ct).ConfigureAwait(false))
            _table.Add(("Data Fabric exporter", Url(_ports.DataFabric), $"curl -s {Url(_ports.DataFabric)}/metrics | grep -E '^datafabric_(up|entities)'"));
        var cmc = Write("cmc.yml", $"""
            domain: ncsrd
            cores:
              - {"{"}name: ncsrd-core, url: "{Url(_ports.Cnc)}/api/v1.0"{"}"}
            """);
        if (await Safe6g("exporter-cmc", ["exporter", "cmc", "--config", cmc, "--listen", Local(_ports.CmcExporter)], $"{Url(_ports.CmcExporter)}/-/ready", ct).ConfigureAwait(false))
            _table.Add(("CMC 5G core exporter", Url(_ports.CmcExporter), $"curl -s {Url(_ports.CmcExporter)}/metrics | grep -E '^cmc_' | head"));
        var metaverse = Write("metaverse.yml", $"""
            domain: upv
            managers:
              - {"{"}name: upv-metaverse, url: "{Url(_ports.MetaverseSim)}/api/v1"{"}"}
            """);
        if (await Safe6g("exporter-metaverse", ["exporter", "metaverse", "--config", metaverse, "--listen", Local(_ports.MetaverseExporter)], $"{Url(_ports.MetaverseExporter)}/-/ready", ct).ConfigureAwait(false))
            _table.Add(("Metaverse manager exporter", Url(_ports.MetaverseExporter), $"curl -s {Url(_ports.MetaverseExporter)}/metrics | grep -E '^metaverse_' | head"));
        if (await Safe6g("exporter-gnb", ["exporter", "gnb", "--listen", Local(_ports.GnbExporter)], $"{Url(_ports.GnbExporter)}/-/ready", ct).ConfigureAwait(false))
            _table.Add(("gNB exporter (SNMP, multi-target)", Url(_ports.GnbExporter),
                $"curl -s '{Url(_ports.GnbExporter)}/probe?target=127.0.0.1:{_ports.Snmp1}&module=baicells_qrtb&auth=public_v2' | grep -E '^gnb_' | head"));
        var node = PrometheusBinary.FindPeer("prometheus-node-exporter");
        if (node is not null)
        {
            Start("node-exporter", node, [$"--web.listen-address={Local(_ports.NodeExporter)}", "--no-collector.systemd"]);
            await WaitAsync("node-exporter", $"{Url(_ports.NodeExporter)}/metrics", ct).ConfigureAwait(false);
        }
    }

    private async Task<(string Jwks, string SigningKey)> DemoKeysAsync(CancellationToken ct)
    {
        var keys = Path.Combine(dir, "keys");
        await RunSafe6gAsync("demo-keys", ["gateway", "demo-keys", "--out", keys], ct).ConfigureAwait(false);
        return (Path.Combine(keys, "jwks.json"), Path.Combine(keys, "signing-key.pem"));
    }

    private void GenerateConfiguration(string jwks)
    {
        var continuum = Write("continuum.yaml", DemoContinuum.Yaml(_ports, jwks));
        var generated = ContinuumGenerator.Generate(continuum, Path.Combine(dir, "generated"));
        output.WriteLine($"generated {generated.Files.Count} configuration files with safe6g generate into {generated.OutDir}");
    }

    private async Task StartPrometheusAsync(string binary, CancellationToken ct)
    {
        foreach (var (domain, port) in new[] { ("upv", _ports.PrometheusUpv), ("ncsrd", _ports.PrometheusNcsrd) })
        {
            var config = Path.Combine(dir, "generated", "domains", domain, "prometheus", "prometheus-0.yml");
            // The generated job `prometheus` points at the in-cluster default; on one machine it is this port.
            File.WriteAllText(config, File.ReadAllText(config).Replace("localhost:9090", Local(port), StringComparison.Ordinal));
            Start($"prometheus-{domain}", binary, [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(dir, "data", domain)}",
                $"--web.listen-address={Local(port)}", "--web.enable-lifecycle"]);
            if (await WaitAsync($"prometheus-{domain}", $"{Url(port)}/-/ready", ct).ConfigureAwait(false))
                _table.Add(($"Prometheus {domain} (generated config)", Url(port), $"curl -s '{Url(port)}/api/v1/query?query=up'"));
        }
        // Thanos does not run here: a central Prometheus federating both domains stands in for Thanos Query (same HTTP API).
        var central = Write("central-prometheus.yml", $"""
            global: {"{"}scrape_interval: 5s, scrape_timeout: 4s, evaluation_interval: 5s{"}"}
            scrape_configs:
              - job_name: federate
                honor_labels: true
                metrics_path: /federate
                params: {"{"}'match[]': ['{"{"}__name__=~".+"{"}"}']{"}"}
                static_configs:
                  - targets: ['{Local(_ports.PrometheusUpv)}', '{Local(_ports.PrometheusNcsrd)}']
            """);
        Start("prometheus-central", binary, [$"--config.file={central}", $"--storage.tsdb.path={Path.Combine(dir, "data", "central")}",
            $"--web.listen-address={Local(_ports.PrometheusCentral)}"]);
        if (await WaitAsync("prometheus-central", $"{Url(_ports.PrometheusCentral)}/-/ready", ct).ConfigureAwait(false))
            _table.Add(("Central Prometheus (stand-in for Thanos Query)", Url(_ports.PrometheusCentral),
                $"curl -s '{Url(_ports.PrometheusCentral)}/api/v1/query?query=count+by+(domain)(datafabric_infrastructure_element_info)'"));
    }

    private async Task<Dictionary<string, string>> StartGatewayAsync(string jwks, string signingKey, CancellationToken ct)
    {
        var config = Write("gateway.yml", $"""
            thanos: {"{"}url: "{Url(_ports.PrometheusCentral)}"{"}"}
            loki: {"{"}url: "{Url(_ports.Loki)}"{"}"}
            auth:
              jwks_file: {jwks}
              issuer: safe6g-demo
              audiences: [safe6g-gateway]
            tenants:
              upv: {"{"}matchers: ['domain="upv"'], log_matchers: ['domain="upv"'], loki_org_id: upv{"}"}
              ncsrd: {"{"}matchers: ['domain="ncsrd"'], log_matchers: ['domain="ncsrd"'], loki_org_id: ncsrd{"}"}
              operator: {"{"}unrestricted: true, loki_org_id: upv{"}"}
            """);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!await Safe6g("gateway", ["gateway", "--config", config, "--listen", Local(_ports.Gateway)], $"{Url(_ports.Gateway)}/-/ready", ct).ConfigureAwait(false))
            return tokens;
        foreach (var tenant in new[] { "upv", "ncsrd", "operator" })
        {
            var (code, text) = await RunSafe6gAsync($"token-{tenant}", ["gateway", "token", "--key", signingKey, "--tenant", tenant, "--ttl", "12h"], ct).ConfigureAwait(false);
            if (code == 0)
                tokens[tenant] = text.Trim().Split('\n').Last().Trim();
        }
        if (tokens.ContainsKey("upv"))
        {
            // The tokens are printed once as exports (PrintTable); the examples refer to them, so a line stays readable.
            _table.Add(("Gateway /thanos (tenant upv sees only domain=upv)", $"{Url(_ports.Gateway)}/thanos",
                $"curl -s -H \"Authorization: Bearer $TOKEN_UPV\" '{Url(_ports.Gateway)}/thanos/api/v1/query?query=count+by+(domain)(up)'"));
            _table.Add(("Gateway /thanos (upv asking for ncsrd gets an empty result)", $"{Url(_ports.Gateway)}/thanos",
                $"curl -s -H \"Authorization: Bearer $TOKEN_UPV\" '{Url(_ports.Gateway)}/thanos/api/v1/query?query=up%7Bdomain%3D%22ncsrd%22%7D'"));
            _table.Add(("Gateway /loki", $"{Url(_ports.Gateway)}/loki",
                $"curl -s -H \"Authorization: Bearer $TOKEN_UPV\" '{Url(_ports.Gateway)}/loki/loki/api/v1/labels'"));
        }
        return tokens;
    }

    private async Task StartOrchestratorAsync(CancellationToken ct)
    {
        var config = Write("orchestrator.yml", $"""
            domain: upv
            prometheus: {"{"}url: "{Url(_ports.PrometheusCentral)}"{"}"}
            broker: {"{"}url: "{Url(_ports.OrionUpv)}"{"}"}
            grpc_listen: "{Local(_ports.OrchestratorGrpc)}"
            overload_check_interval: 15s
            state_file: "{Path.Combine(Path.GetFullPath(dir), "orchestrator-services.json")}"
            """);
        if (await Safe6g("orchestrator", ["orchestrator", "--config", config, "--listen", Local(_ports.Orchestrator)], $"{Url(_ports.Orchestrator)}/-/ready", ct).ConfigureAwait(false))
            _table.Add(("Orchestrator (HLO API)", $"{Url(_ports.Orchestrator)}/hlo_fe/services",
                $"curl -s {Url(_ports.Orchestrator)}/hlo_fe/services/demo-resilience-tf"));
    }

    private async Task StartPortalAsync(CancellationToken ct)
    {
        var config = Write("portal.yml", $"""
            prometheus: {"{"}url: "{Url(_ports.PrometheusCentral)}"{"}"}
            orchestrator_url: "{Url(_ports.Orchestrator)}"
            dashboards_dir: {Path.Combine(Path.GetFullPath(dir), "dashboards")}
            """);
        if (await Safe6g("portal", ["portal", "--config", config, "--listen", Local(_ports.Portal)], $"{Url(_ports.Portal)}/-/ready", ct).ConfigureAwait(false))
            _table.Add(("Management portal", Url(_ports.Portal), $"open {Url(_ports.Portal)}/ in a browser"));
    }

    private async Task BuildDashboardsAsync(CancellationToken ct)
    {
        var outDir = Path.Combine(dir, "dashboards");
        var (code, _) = await RunSafe6gAsync("dashboards", ["dashboards", "build", "--out", outDir], ct).ConfigureAwait(false);
        if (code == 0)
            _table.Add(("Grafana dashboards (import by file, or safe6g dashboards import)", outDir, $"ls {outDir}"));
    }

    private async Task DeploySampleServiceAsync(CancellationToken ct)
    {
        // Allocation reads IE state from Prometheus: wait until the Data Fabric series have arrived centrally.
        await WaitForSeriesAsync("datafabric_infrastructure_element_info", TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
        var tosca = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Demo", "resilience-tf.yaml"));
        try
        {
            using var content = new StringContent(tosca, Encoding.UTF8, "application/x-yaml");
            using var response = await Http.PostAsync($"{Url(_ports.Orchestrator)}/hlo_fe/services/demo-resilience-tf", content, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                output.WriteLine($"deployed the sample trust function demo-resilience-tf through the HLO API ({(int)response.StatusCode})");
            else if (response.StatusCode == System.Net.HttpStatusCode.Conflict)
                output.WriteLine("the sample trust function demo-resilience-tf is already known: the orchestrator restored it from this folder's state file");
            else
                Problem("orchestrator", $"POST /hlo_fe/services/demo-resilience-tf answered {(int)response.StatusCode}: {body}");
        }
        catch (HttpRequestException ex)
        {
            Problem("orchestrator", $"cannot deploy the sample service: {ex.Message}");
        }
    }

    private async Task ExportDatasetAsync(Dictionary<string, string> tokens, CancellationToken ct)
    {
        if (!tokens.TryGetValue("upv", out var token))
            return;
        var file = Path.Combine(dir, "dataset-upv-cpu.csv");
        var (code, _) = await RunSafe6gAsync("dataset", ["dataset", "export", "--source", $"{Url(_ports.Gateway)}/thanos", "--token", token,
            "--query", "datafabric_infrastructure_element_cpu_usage_ratio", "--start", "now-5m", "--end", "now", "--step", "5s", "--format", "csv",
            "--out", file, "--quiet"], ct).ConfigureAwait(false);
        if (code == 0)
            _table.Add(("MLOps dataset (CPU of upv IEs, through the gateway as tenant upv)", file, $"head -3 {file}"));
    }

    private async Task WaitForSeriesAsync(string metric, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
        {
            try
            {
                var body = await Http.GetStringAsync($"{Url(_ports.PrometheusCentral)}/api/v1/query?query={Uri.EscapeDataString($"count({metric})")}", ct).ConfigureAwait(false);
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.GetProperty("data").GetProperty("result").GetArrayLength() > 0)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not up yet.
            }
            await Task.Delay(1000, ct).ConfigureAwait(false);
        }
        Problem("prometheus-central", $"{metric} did not arrive within {timeout.TotalSeconds:0} s");
    }

    private void PrintTable(Dictionary<string, string> tokens)
    {
        output.WriteLine();
        output.WriteLine("What is running (logs: " + _logs + ")");
        output.WriteLine(new string('-', 100));
        foreach (var (component, url, _) in _table)
            output.WriteLine($"{component,-62} {url}");
        output.WriteLine();
        output.WriteLine("Try (the tokens first: the gateway examples use them; they are also in " + Path.Combine(dir, "demo.json") + "):");
        foreach (var (tenant, token) in tokens)
            output.WriteLine($"  export TOKEN_{tenant.ToUpperInvariant()}='{token}'");
        foreach (var (_, _, example) in _table)
            output.WriteLine($"  {example}");
        if (_problems.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Not working in this run:");
            foreach (var problem in _problems)
                output.WriteLine($"  - {problem}");
        }
        output.WriteLine();
    }

    // A machine-readable copy of the table, for scripts and the demo's end-to-end test.
    private void WriteState(Dictionary<string, string> tokens)
    {
        var state = new Dictionary<string, object>
        {
            ["gateway"] = Url(_ports.Gateway),
            ["orchestrator"] = Url(_ports.Orchestrator),
            ["portal"] = Url(_ports.Portal),
            ["prometheus_central"] = Url(_ports.PrometheusCentral),
            ["dataset"] = Path.Combine(dir, "dataset-upv-cpu.csv"),
            ["dashboards"] = Path.Combine(dir, "dashboards"),
            ["tokens"] = tokens,
            ["problems"] = _problems,
            ["pids"] = _processes.Select(p => p.Pid).ToArray(),
        };
        File.WriteAllText(Path.Combine(dir, "demo.json"), JsonSerializer.Serialize(state, new JsonSerializerOptions { WriteIndented = true }));
    }

    private async Task<bool> Safe6g(string name, string[] args, string? readyUrl, CancellationToken ct)
    {
        Start(name, "dotnet", [_safe6g, .. args]);
        if (readyUrl is null)
        {
            await Task.Delay(500, ct).ConfigureAwait(false);
            var process = _processes[^1];
            if (!process.HasExited)
                return true;
            Problem(name, $"exited at start: {process.Tail(5)}");
            return false;
        }
        return await WaitAsync(name, readyUrl, ct).ConfigureAwait(false);
    }

    private void Start(string name, string file, IEnumerable<string> args) => _processes.Add(DemoProcess.Start(name, file, args, _logs));

    private async Task<bool> WaitAsync(string name, string url, CancellationToken ct)
    {
        var process = _processes.Last(p => p.Name == name);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                Problem(name, $"exited: {process.Tail(5).Replace('\n', ' ')}");
                return false;
            }
            try
            {
                using var response = await Http.GetAsync(url, ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    output.WriteLine($"  started {name,-22} {url}");
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow first answer.
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
        Problem(name, $"not ready after 60 s at {url}; see {process.LogFile}");
        return false;
    }

    private async Task<(int Code, string Output)> RunSafe6gAsync(string name, string[] args, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(_safe6g);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var text = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(_logs, $"{name}.log"), text + errors, ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
            Problem(name, $"safe6g {string.Join(' ', args.Take(2))} exited {process.ExitCode}: {errors.Trim().Split('\n').FirstOrDefault()}");
        return (process.ExitCode, text);
    }

    private void Problem(string component, string message)
    {
        _problems.Add($"{component}: {message}");
        output.WriteLine($"  ! {component}: {message}");
    }

    private string Write(string name, string content)
    {
        var file = Path.Combine(dir, name);
        File.WriteAllText(file, content);
        return file;
    }

    private static string Local(int port) => $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    private static string Url(int port) => DemoLayout.Url(port);
}
