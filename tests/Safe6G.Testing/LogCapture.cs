using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Xunit;

namespace Safe6G.Testing;

/// <summary>
/// A Serilog sink that keeps every event, so tests can hold the exporter to "one clear log line per fault"
/// (ExporterHostOptions.LogSink). Events may arrive from several scrape threads, hence the concurrent queue.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    /// <summary>Every event so far, in arrival order.</summary>
    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <inheritdoc />
    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Warnings and worse that are about <paramref name="source"/>: any scalar property (source, core, manager…) equal to its name.</summary>
    public List<LogEvent> WarningsAbout(string source) =>
        [.. Events.Where(e => e.Level >= LogEventLevel.Warning && e.Properties.Values.OfType<ScalarValue>().Any(v => Equals(v.Value, source)))];

    /// <summary>
    /// Holds a failing source to exactly one warning per scrape, from the host, naming the source and the
    /// reason and carrying the error text, so an operator reading the log alone knows what broke.
    /// </summary>
    public void AssertScrapeFailedOncePerScrape(string source, string reason, int scrapes)
    {
        var about = WarningsAbout(source);
        Assert.True(about.Count == scrapes,
            $"{source}: {about.Count} warnings after {scrapes} scrapes: {string.Join(" | ", about.Select(e => e.RenderMessage()))}");
        Assert.All(about, e =>
        {
            Assert.Equal(LogEventLevel.Warning, e.Level);
            Assert.Equal(source, Scalar(e, "source"));
            Assert.Equal(reason, Scalar(e, "reason"));
            Assert.False(string.IsNullOrWhiteSpace(Scalar(e, "error")), $"{source}: no error text");
            var line = e.RenderMessage();
            Assert.Contains(source, line);
            Assert.Contains(reason, line);
        });
    }

    /// <summary>The text of a scalar property of <paramref name="e"/>, or null.</summary>
    public static string? Scalar(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } v } ? v.ToString() : null;
}
