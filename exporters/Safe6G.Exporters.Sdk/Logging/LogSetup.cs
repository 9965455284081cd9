using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Safe6G.Exporters.Sdk.Logging;

/// <summary>Builds the Serilog logger every safe6g service uses: compact JSON on stderr, optionally Loki.</summary>
public static class LogSetup
{
    /// <summary>Creates a logger tagged with <c>exporter</c> (or service) and <c>domain</c> properties.</summary>
    public static Logger Create(string component, LoggingSettings settings, string? domain = null, ILogEventSink? extraSink = null)
    {
        var level = Enum.TryParse<LogEventLevel>(settings.Level, ignoreCase: true, out var parsed) ? parsed : LogEventLevel.Information;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("exporter", component)
            .WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose);
        if (!string.IsNullOrEmpty(domain))
            configuration = configuration.Enrich.WithProperty("domain", domain);
        if (settings.Loki is { } loki)
        {
            configuration = configuration.WriteTo.Sink(new LokiSink(loki), new BatchingOptions
            {
                BatchSizeLimit = loki.BatchSize,
                BufferingTimeLimit = loki.Period,
                QueueLimit = loki.QueueLimit,
                EagerlyEmitFirstEvent = true,
            });
        }
        if (extraSink is not null)
            configuration = configuration.WriteTo.Sink(extraSink);
        return configuration.CreateLogger();
    }
}
