using System.IO.Compression;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Prometheus;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Exposition;
using Safe6G.Exporters.Sdk.Logging;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Scraping;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Exporters.Sdk.Web;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>
/// Runs one exporter on Kestrel: <c>/metrics</c>, <c>/probe</c>, the landing page, health, readiness and
/// reload. Configuration errors surface as <see cref="ConfigException"/> before anything listens; a bad
/// reload keeps the previous configuration serving.
/// </summary>
public sealed class ExporterHost<TConfig> : IAsyncDisposable where TConfig : ExporterConfig, new()
{
    private readonly IExporterDefinition<TConfig> _definition;
    private readonly ExporterHostOptions _options;
    private readonly Serilog.Core.Logger _log;
    private readonly SelfMetrics _metrics;
    private readonly WebApplication _app;
    private readonly Lock _reloadLock = new();
    private ExporterState<TConfig> _state;
    private PosixSignalRegistration? _sighup;

    private ExporterHost(IExporterDefinition<TConfig> definition, ExporterHostOptions options, TConfig config, WebConfig web)
    {
        RuntimeMetrics.ConfigureOnce();
        _definition = definition;
        _options = options;
        _log = LogSetup.Create(definition.Name, config.Logging, config.Domain, options.LogSink);
        _metrics = new SelfMetrics(definition.Name, typeof(ExporterHost<>).Assembly.GetName().Version?.ToString() ?? "dev");
        _state = BuildState(config);
        _metrics.ReloadSuccessful.Set(1);
        _metrics.ReloadTimestamp.SetToCurrentTimeUtc();
        _app = BuildApp(web);
    }

    /// <summary>The address the host listens on (with the real port when 0 was asked).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The configuration currently serving.</summary>
    public TConfig Config => Volatile.Read(ref _state).Config;

    /// <summary>Loads the configuration, binds the port and starts serving.</summary>
    public static async Task<ExporterHost<TConfig>> StartAsync(IExporterDefinition<TConfig> definition, ExporterHostOptions options,
        CancellationToken cancellationToken = default)
    {
        var config = LoadConfig(definition, options);
        var web = WebConfigLoader.Load(options.WebConfigFile);
        var host = new ExporterHost<TConfig>(definition, options, config, web);
        await host._app.StartAsync(cancellationToken).ConfigureAwait(false);
        host.BaseAddress = SafeWebHost.BoundAddress(host._app);
        host._sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            host.Reload();
        });
        host._log.Information("{exporter} exporter listening on {address}", definition.Name, host.BaseAddress);
        return host;
    }

    /// <summary>Re-reads the configuration; on error the old one keeps serving and the error is returned.</summary>
    public string? Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                var config = LoadConfig(_definition, _options);
                Volatile.Write(ref _state, BuildState(config));
                _metrics.ReloadSuccessful.Set(1);
                _metrics.ReloadTimestamp.SetToCurrentTimeUtc();
                _log.Information("configuration reloaded from {file}", _options.ConfigFile ?? "(defaults)");
                return null;
            }
            catch (ConfigException ex)
            {
                _metrics.ReloadSuccessful.Set(0);
                _log.Error("reload failed, keeping the previous configuration: {error}", ex.Message);
                return ex.Message;
            }
        }
    }

    /// <summary>Waits until the host is stopped (Ctrl-C, SIGTERM or <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _sighup?.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private static TConfig LoadConfig(IExporterDefinition<TConfig> definition, ExporterHostOptions options) =>
        YamlConfigLoader.Load<TConfig>(options.ConfigFile, $"SAFE6G_{definition.Name.ToUpperInvariant()}_", options.Environment);

    private ExporterState<TConfig> BuildState(TConfig config)
    {
        var context = new ExporterContext(_log, TimeProvider.System, _metrics);
        var source = _definition.CreateSource(config, context);
        return new ExporterState<TConfig>(config, source, new ScrapeCoordinator(source, config.Scrape, _metrics),
            _definition.DefaultTargets(config), _definition.Modules(config), new MemoryReturn(config.Scrape.ReturnMemoryAfter, TimeProvider.System));
    }

    private WebApplication BuildApp(WebConfig web)
    {
        var app = SafeWebHost.CreateBuilder(_log, _options.Listen, web).Build();
        app.UseWebConfig(web);

        app.MapGet("/", (HttpContext context) =>
        {
            var state = Volatile.Read(ref _state);
            return Results.Content(LandingPage.Render(_definition.Name, _definition.Description, state.Targets, state.Modules), "text/html; charset=utf-8");
        });
        app.MapGet("/metrics", ServeMetricsAsync);
        app.MapGet("/probe", ServeProbeAsync);
        app.MapGet("/-/healthy", () => Results.Text("Healthy.\n"));
        app.MapGet("/-/ready", () => Results.Text("Ready.\n"));
        app.MapMethods("/-/reload", ["POST", "PUT"], () =>
        {
            var error = Reload();
            return error is null ? Results.Text("Reloaded.\n") : Results.Text($"failed to reload config: {error}\n", statusCode: 500);
        });
        app.MapGet("/-/reload", () => Results.Text("This endpoint requires a POST request.\n", statusCode: 405));
        return app;
    }

    private async Task ServeMetricsAsync(HttpContext context)
    {
        var state = Volatile.Read(ref _state);
        var budget = ScrapeDeadline.Compute(context.Request.Headers[ScrapeDeadline.HeaderName], state.Config.Scrape.Timeout, state.Config.Scrape.TimeoutOffset);
        var outcomes = await Task.WhenAll(state.Targets.Select(t => state.Coordinator.ScrapeAsync(t, budget, context.RequestAborted))).ConfigureAwait(false);

        var health = new MetricSnapshot();
        var up = health.Gauge($"{_definition.Name}_up", "1 if the last read of the source succeeded, 0 if it failed or timed out.", "source");
        var duration = health.Gauge($"{_definition.Name}_scrape_duration_seconds", "Time the last read of the source took.", "source");
        var snapshots = new List<MetricSnapshot>(outcomes.Length + 1) { health };
        for (var i = 0; i < outcomes.Length; i++)
        {
            var target = state.Targets[i];
            up.Add(outcomes[i].Success ? 1 : 0, target.SourceLabel);
            duration.Add(outcomes[i].Duration.TotalSeconds, target.SourceLabel);
            if (outcomes[i].Snapshot is { } snapshot)
                snapshots.Add(snapshot);
            else
                LogFailure(target, outcomes[i]);
        }
        ReturnMemoryWhenSent(context, state.MemoryReturn);
        await WriteAsync(context, (stream, format, ct) =>
            SnapshotWriter.WriteAsync(stream, [Metrics.DefaultRegistry, _metrics.Registry], snapshots, format, ct)).ConfigureAwait(false);
    }

    private async Task ServeProbeAsync(HttpContext context)
    {
        var state = Volatile.Read(ref _state);
        var query = context.Request.Query;
        var targetText = query["target"].ToString();
        if (string.IsNullOrWhiteSpace(targetText))
        {
            await BadRequest(context, "'target' parameter must be specified").ConfigureAwait(false);
            return;
        }
        var module = query["module"].ToString();
        if (state.Modules.Count > 0)
        {
            if (string.IsNullOrEmpty(module))
                module = state.Modules.First();
            var names = _definition.AcceptsModuleList ? module.Split(',') : [module];
            if (names.FirstOrDefault(n => !state.Modules.Contains(n)) is { } unknown)
            {
                await BadRequest(context, $"Unknown module '{unknown}'").ConfigureAwait(false);
                return;
            }
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            {
                await BadRequest(context, $"Module list '{module}' names a module twice").ConfigureAwait(false);
                return;
            }
        }
        var parameters = query.Where(q => q.Key is not "target" and not "module")
            .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (_definition.ProbeParameterProblem(state.Config, parameters) is { } problem)
        {
            await BadRequest(context, problem).ConfigureAwait(false);
            return;
        }
        var target = new ScrapeTarget(targetText, string.IsNullOrEmpty(module) ? null : module, parameters, Source: string.IsNullOrEmpty(module) ? "probe" : module);
        var budget = ScrapeDeadline.Compute(context.Request.Headers[ScrapeDeadline.HeaderName], state.Config.Scrape.Timeout, state.Config.Scrape.TimeoutOffset);
        var outcome = await state.Coordinator.ScrapeAsync(target, budget, context.RequestAborted).ConfigureAwait(false);
        if (!outcome.Success)
            LogFailure(target, outcome);

        var health = new MetricSnapshot();
        health.Gauge($"{_definition.Name}_up", "1 if reading the probed target succeeded, 0 if it failed or timed out.").Add(outcome.Success ? 1 : 0);
        health.Gauge($"{_definition.Name}_scrape_duration_seconds", "Time reading the probed target took.").Add(outcome.Duration.TotalSeconds);
        IReadOnlyList<MetricSnapshot> snapshots = outcome.Snapshot is { } data ? [health, data] : [health];
        ReturnMemoryWhenSent(context, state.MemoryReturn);
        await WriteAsync(context, (stream, format, ct) => SnapshotWriter.WriteAsync(stream, snapshots, format, ct)).ConfigureAwait(false);
    }

    // After the last byte is out, so the scrape that paid for the memory does not also wait for its return.
    private static void ReturnMemoryWhenSent(HttpContext context, MemoryReturn memory) =>
        context.Response.OnCompleted(() =>
        {
            memory.AfterScrape();
            return Task.CompletedTask;
        });

    private void LogFailure(ScrapeTarget target, ScrapeOutcome outcome) =>
        _log.ForContext("target", target.Target)
            .Warning("scrape of {source} failed ({reason}): {error}", target.SourceLabel, outcome.ErrorReason, outcome.ErrorMessage);

    private static async Task WriteAsync(HttpContext context, Func<Stream, Prometheus.ExpositionFormat, CancellationToken, Task> write)
    {
        var format = ExpositionFormats.Negotiate(context.Request.Headers.Accept);
        var response = context.Response;
        response.ContentType = ExpositionFormats.ContentType(format);
        response.Headers.Vary = "Accept, Accept-Encoding";
        if (ExpositionFormats.AcceptsGzip(context.Request.Headers.AcceptEncoding))
        {
            response.Headers.ContentEncoding = "gzip";
            var gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await using (gzip.ConfigureAwait(false))
                await write(gzip, format, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await write(response.Body, format, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task BadRequest(HttpContext context, string message)
    {
        context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }
}
