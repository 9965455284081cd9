using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Http;

/// <summary>
/// GETs JSON from an HTTP upstream for a scrape: a per-request timeout linked to the scrape deadline, and every
/// failure turned into an <see cref="UpstreamException"/> with one of the SDK's reasons
/// (<c>connect</c>, <c>timeout</c>, <c>http_status</c>, <c>auth</c>, <c>malformed</c>). The caller's own
/// cancellation (the scrape deadline) still surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class UpstreamHttpClient : IDisposable
{
    private const int MaxErrorBody = 300;
    private readonly HttpClient _http;

    /// <summary>Creates a client with its own handler (see <see cref="UpstreamHandlers"/>), or over <paramref name="handler"/> for tests.</summary>
    public UpstreamHttpClient(HttpTlsSettings? tls, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient(UpstreamHandlers.Create(tls)) : new HttpClient(handler, disposeHandler: false);
        // Time is bounded per request below and by the scrape deadline, not by HttpClient's own 100 s.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>GETs <paramref name="uri"/> and parses the whole body as a JSON document.</summary>
    public Task<JsonDocument> GetJsonAsync(Uri uri, TimeSpan timeout, AuthenticationHeaderValue? auth, CancellationToken cancellationToken) =>
        GetAsync(uri, timeout, auth, (stream, ct) => JsonDocument.ParseAsync(stream, default, ct), cancellationToken);

    /// <summary>GETs <paramref name="uri"/> and hands the body stream to <paramref name="read"/> (streaming parsers); a <see cref="JsonException"/> from it means malformed.</summary>
    public async Task<T> GetAsync<T>(Uri uri, TimeSpan timeout, AuthenticationHeaderValue? auth, Func<Stream, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var what = Describe(uri);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Authorization = auth;
            using var response = await SendAsync(request, what, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
                var reason = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? "auth" : "http_status";
                throw new UpstreamException(reason, $"{what} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(body)}");
            }
            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    return await read(stream, deadline.Token).ConfigureAwait(false);
                }
                catch (JsonException ex)
                {
                    throw new UpstreamException("malformed", $"{what} did not answer valid JSON: {ex.Message}", ex);
                }
                catch (IOException ex)
                {
                    // The peer closed the connection mid-body.
                    throw new UpstreamException("connect", $"{what} broke off its answer: {ex.Message}", ex);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamException("timeout", $"{what} did not answer within {timeout.TotalSeconds:0.###}s");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamException("connect", $"cannot reach {what}: {ex.Message}", ex);
        }
    }

    // Never print credentials that may sit in a URL's user-info.
    private static string Describe(Uri uri) => $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";

    private static string Truncate(string text) => text.Length > MaxErrorBody ? text[..MaxErrorBody] + "…" : text;
}
