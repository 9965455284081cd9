using System.CommandLine;
using Google.Protobuf;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Grpc;
using Safe6G.Orchestration.Hosting;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Collector.Commands;

/// <summary>
/// <c>safe6g orchestrator</c>: the HLO-style service API with the metric-driven allocator; and
/// <c>safe6g orchestrator allocate</c>, the gRPC allocator's client for one-shot decisions from scripts.
/// </summary>
internal static class OrchestratorCommand
{

    public static Command Build()
    {
        var config = CommonOptions.Config("orchestrator");
        var listen = CommonOptions.Listen(9481);
        var command = new Command("orchestrator", "HLO-style service API (/hlo_fe/services) with a metric-driven, explainable allocator") { config, listen };
        command.SetAction(async (result, cancellationToken) =>
        {
            OrchestratorHost host;
            try
            {
                var settings = YamlConfigLoader.Load<OrchestratorConfig>(result.GetValue(config), OrchestratorConfig.EnvironmentPrefix);
                host = await OrchestratorHost.StartAsync(settings, result.GetValue(listen)!, logToConsole: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g orchestrator: invalid configuration:{Environment.NewLine}{ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is FormatException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync($"safe6g orchestrator: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g orchestrator: cannot listen on {result.GetValue(listen)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            await using (host.ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync($"orchestrator listening on {host.BaseAddress} (gRPC allocator: {host.GrpcAddress?.ToString() ?? "off"})").ConfigureAwait(false);
                try
                {
                    await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C: a clean stop.
                }
            }
            return ExitCodes.Ok;
        });
        command.Add(Allocate());
        return command;
    }

    private static Command Allocate()
    {
        var service = new Option<string>("--service") { Description = "TOSCA service descriptor (YAML)", Required = true };
        var prometheus = new Option<string>("--prometheus") { Description = "Prometheus or Thanos Query base URL to read IE state from", Required = true };
        var allocator = new Option<string?>("--allocator") { Description = "gRPC allocator URL, e.g. http://127.0.0.1:9491 (default: an in-process allocator)" };
        var serviceId = new Option<string>("--service-id") { Description = "service id used in component ids", DefaultValueFactory = _ => "oneshot" };
        var timeout = new Option<string>("--timeout") { Description = "bound for each of the Prometheus read and the allocator call", DefaultValueFactory = _ => "10s" };
        var config = CommonOptions.Config("orchestrator (weights and defaults for the in-process allocator)");
        var command = new Command("allocate", "One-shot decision: read IEs from Prometheus, ask the gRPC allocator, print HLODeploymentEngineInput as JSON "
            + "(exit 0 all placed, 1 some component has no fit or a peer failed, 2 bad usage/descriptor)")
        {
            service, prometheus, allocator, serviceId, timeout, config,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(service)!;
            ServiceDescriptor descriptor;
            OrchestratorConfig settings;
            TimeSpan bound;
            Uri prometheusUrl;
            try
            {
                settings = YamlConfigLoader.Load<OrchestratorConfig>(result.GetValue(config), OrchestratorConfig.EnvironmentPrefix);
                if (!PrometheusDuration.TryParse(result.GetValue(timeout)!, out bound) || bound <= TimeSpan.Zero)
                    throw new FormatException($"--timeout '{result.GetValue(timeout)}' is not a positive duration (e.g. 10s)");
                if (!Uri.TryCreate(result.GetValue(prometheus), UriKind.Absolute, out var p) || p.Scheme is not ("http" or "https"))
                    throw new FormatException($"--prometheus '{result.GetValue(prometheus)}' is not an http(s) URL");
                prometheusUrl = new Uri(p.ToString().TrimEnd('/') + "/");
                descriptor = ToscaParser.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            }
            catch (ToscaException ex)
            {
                foreach (var e in ex.Errors)
                    await Console.Error.WriteLineAsync($"{file}:{e.Line}:{e.Column}: field '{e.Field}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (ConfigException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g orchestrator allocate: invalid configuration:{Environment.NewLine}{ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"safe6g orchestrator allocate: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            try
            {
                using var http = new HttpClient();
                var continuum = await new PrometheusContinuumReader(http, prometheusUrl, bound).ReadAsync(cancellationToken).ConfigureAwait(false);
                var request = AllocateClient.BuildRequest(result.GetValue(serviceId)!, descriptor, continuum);
                Safe6G.Orchestration.Grpc.Messages.HLODeploymentEngineInput response;
                if (result.GetValue(allocator) is { } url)
                {
                    response = await AllocateClient.CallAsync(new Uri(url), request, bound, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var local = await OrchestratorHost.StartAllocatorOnlyAsync(new AllocatorSettings(settings.Weights, settings.ExplainTop,
                        settings.Defaults.CpuCores, settings.Defaults.RamMb * 1e6), cancellationToken).ConfigureAwait(false);
                    await using (local.ConfigureAwait(false))
                    {
                        response = await AllocateClient.CallAsync(new Uri(local.Urls.First()), request, bound, cancellationToken).ConfigureAwait(false);
                        await local.StopAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                }
                await Console.Out.WriteLineAsync(new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(response)).ConfigureAwait(false);
                var failed = 0;
                foreach (var a in response.ServiceComponentAllocations)
                {
                    var id = a.NewAllocatedServiceComponent.Id;
                    if (a.NewAllocatedServiceComponent.InfrastructureElement is { } ie)
                        await Console.Error.WriteLineAsync($"{id} → {ie.Id}").ConfigureAwait(false);
                    else
                    {
                        failed++;
                        await Console.Error.WriteLineAsync($"{id}: no fit: {a.FailureReason}").ConfigureAwait(false);
                    }
                }
                return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
            }
            catch (ContinuumReadException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g orchestrator allocate: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            catch (global::Grpc.Core.RpcException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g orchestrator allocate: allocator call failed: {ex.Status.StatusCode} {ex.Status.Detail}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
