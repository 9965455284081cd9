using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Safe6G.Exporters.Sdk.Logging;

/// <summary>
/// A small Serilog sink for Loki's push API (<c>POST /loki/api/v1/push</c>, JSON). No Loki sink package is
/// served here, so this is ours: events are grouped into streams by their label properties, lines are
/// compact JSON, and a failed push throws so Serilog's batching retries it with backoff.
/// </summary>
public sealed class LokiSink : IBatchedLogEventSink, IDisposable
{
    private readonly LokiSettings _settings;
    private readonly HttpClient _http;
    private readonly Uri _pushUri;
    private readonly CompactJsonFormatter _formatter = new();

    /// <summary>Creates the sink; <paramref name="handler"/> lets tests observe the HTTP traffic.</summary>
    public LokiSink(LokiSettings settings, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(10);
        _pushUri = new Uri(settings.Url.TrimEnd('/') + "/loki/api/v1/push");
    }

    /// <inheritdoc />
    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        using var content = new ByteArrayContent(BuildPayload(batch));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _pushUri) { Content = content };
        if (!string.IsNullOrEmpty(_settings.Tenant))
            request.Headers.Add("X-Scope-OrgID", _settings.Tenant);
        if (!string.IsNullOrEmpty(_settings.BearerToken))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _settings.BearerToken);
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new HttpRequestException($"Loki push to {_pushUri} failed with {(int)response.StatusCode}: {body}");
        }
    }

    /// <inheritdoc />
    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    /// <summary>Builds the push body: one stream per distinct label set, values as [ns-timestamp, line].</summary>
    public byte[] BuildPayload(IEnumerable<LogEvent> batch)
    {
        var streams = new Dictionary<string, (SortedDictionary<string, string> Labels, List<(long Ns, string Line)> Values)>(StringComparer.Ordinal);
        foreach (var logEvent in batch)
        {
            var labels = LabelsOf(logEvent);
            var key = string.Join('\u001f', labels.Select(l => $"{l.Key}={l.Value}"));
            if (!streams.TryGetValue(key, out var stream))
                streams[key] = stream = (labels, []);
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            _formatter.Format(logEvent, writer);
            var ns = logEvent.Timestamp.ToUnixTimeMilliseconds() * 1_000_000 + (logEvent.Timestamp.Ticks % TimeSpan.TicksPerMillisecond) * 100;
            stream.Values.Add((ns, writer.ToString().TrimEnd('\n', '\r')));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("streams");
            foreach (var (labels, values) in streams.Values)
            {
                json.WriteStartObject();
                json.WriteStartObject("stream");
                foreach (var (name, value) in labels)
                    json.WriteString(name, value);
                json.WriteEndObject();
                json.WriteStartArray("values");
                // Loki rejects out-of-order entries within a stream.
                foreach (var (ns, line) in values.OrderBy(v => v.Ns))
                {
                    json.WriteStartArray();
                    json.WriteStringValue(ns.ToString(CultureInfo.InvariantCulture));
                    json.WriteStringValue(line);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private SortedDictionary<string, string> LabelsOf(LogEvent logEvent)
    {
        var labels = new SortedDictionary<string, string>(_settings.Labels, StringComparer.Ordinal);
        foreach (var property in _settings.LabelProperties)
        {
            if (property == "level")
            {
                labels["level"] = logEvent.Level.ToString().ToLowerInvariant();
                continue;
            }
            if (logEvent.Properties.TryGetValue(property, out var value))
                labels[property] = value is ScalarValue { Value: string s } ? s : value.ToString();
        }
        if (labels.Count == 0)
            labels["job"] = "safe6g";
        return labels;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
