using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safe6G.Dashboards.Grafana;

/// <summary>
/// The few Grafana HTTP API calls the importer needs (folders, data sources, POST /api/dashboards/db), with
/// errors turned into one clear sentence each: no Grafana client package is available here, and we need little.
/// </summary>
public sealed class GrafanaClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <summary>A client for the Grafana at <paramref name="baseUrl"/> (its root, e.g. http://grafana:3000 or one with a sub-path).</summary>
    public GrafanaClient(Uri baseUrl, GrafanaCredentials credentials, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = root;
        _http.Timeout = Timeout.InfiniteTimeSpan; // our own per-call timeout gives a clearer message
        _http.DefaultRequestHeaders.Authorization = credentials.Header();
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _timeout = timeout;
    }

    /// <summary>Base URL the calls go to.</summary>
    public Uri BaseUrl => _http.BaseAddress!;

    /// <summary>Top-level folders (GET /api/folders).</summary>
    public async Task<IReadOnlyList<GrafanaFolder>> FoldersAsync(CancellationToken ct)
    {
        var array = (await SendAsync(HttpMethod.Get, "api/folders?limit=1000", null, "list folders", ct)).AsArray();
        return [.. array.Select(f => new GrafanaFolder(Str(f, "uid"), Str(f, "title")))];
    }

    /// <summary>Creates a folder (POST /api/folders).</summary>
    public async Task<GrafanaFolder> CreateFolderAsync(string uid, string title, CancellationToken ct)
    {
        var body = new JsonObject { ["uid"] = uid, ["title"] = title };
        var node = await SendAsync(HttpMethod.Post, "api/folders", body, $"create folder '{title}'", ct);
        return new GrafanaFolder(Str(node, "uid"), Str(node, "title"));
    }

    /// <summary>Data sources (GET /api/datasources).</summary>
    public async Task<IReadOnlyList<GrafanaDataSource>> DataSourcesAsync(CancellationToken ct)
    {
        var array = (await SendAsync(HttpMethod.Get, "api/datasources", null, "list data sources", ct)).AsArray();
        return [.. array.Select(d => new GrafanaDataSource(Str(d, "uid"), Str(d, "name"), Str(d, "type"), d?["isDefault"]?.GetValue<bool>() ?? false))];
    }

    /// <summary>Saves a dashboard into a folder (POST /api/dashboards/db); with <paramref name="overwrite"/> an existing uid is replaced.</summary>
    public async Task<SavedDashboard> SaveDashboardAsync(JsonObject dashboard, string folderUid, bool overwrite, string message, CancellationToken ct)
    {
        var body = new JsonObject { ["dashboard"] = dashboard, ["folderUid"] = folderUid, ["overwrite"] = overwrite, ["message"] = message };
        var title = dashboard["title"]?.GetValue<string>() ?? "?";
        var node = await SendAsync(HttpMethod.Post, "api/dashboards/db", body, $"save dashboard '{title}'", ct);
        return new SavedDashboard(Str(node, "uid"), Str(node, "url"), node["version"]?.GetValue<int>() ?? 0, Str(node, "status"));
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body, string what, CancellationToken ct)
    {
        var url = new Uri(_http.BaseAddress!, path);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        string text;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new GrafanaException($"cannot {what}: Grafana at {BaseUrl} did not answer {method} /{path} within {_timeout.TotalSeconds:0.#} s (timeout)");
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } ? "connection refused (is Grafana running there?)"
                : ex.HttpRequestError == HttpRequestError.NameResolutionError ? "host name not found"
                : ex.Message;
            throw new GrafanaException($"cannot {what}: cannot connect to Grafana at {BaseUrl}: {reason}", null, ex);
        }

        if ((int)status is >= 200 and < 300)
        {
            try
            {
                return JsonNode.Parse(text) ?? throw new JsonException("empty body");
            }
            catch (JsonException)
            {
                throw new GrafanaException($"cannot {what}: {method} {url} answered {(int)status} with a body that is not JSON; is {BaseUrl} Grafana's base URL?", (int)status);
            }
        }
        throw new GrafanaException(Explain(status, what, method, url, GrafanaMessage(text)), (int)status);
    }

    private string Explain(HttpStatusCode status, string what, HttpMethod method, Uri url, string? message)
    {
        var said = message is null ? "" : $" (Grafana: \"{message}\")";
        return (int)status switch
        {
            401 => $"cannot {what}: Grafana at {BaseUrl} answered 401 Unauthorized{said}; check --token, or --user and --password",
            403 => $"cannot {what}: Grafana answered 403 Forbidden{said}; the token or user needs the Editor role (Admin to create folders)",
            404 => $"cannot {what}: {method} {url} answered 404 Not Found{said}; is {BaseUrl} Grafana's base URL?",
            409 => $"cannot {what}: Grafana answered 409 Conflict{said}",
            412 => $"cannot {what}: Grafana answered 412 Precondition Failed{said}; a dashboard with the same uid or title exists and was changed there (import overwrites, so this means overwrite was refused)",
            >= 500 => $"cannot {what}: Grafana at {BaseUrl} failed with {(int)status} {status}{said}; check Grafana's log, then retry",
            _ => $"cannot {what}: {method} {url} answered {(int)status} {status}{said}",
        };
    }

    private static string? GrafanaMessage(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            return node?["message"]?.GetValue<string>() ?? node?["error"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return string.IsNullOrWhiteSpace(body) ? null : body.Length > 200 ? body[..200] : body.Trim();
        }
    }

    private static string Str(JsonNode? node, string name) => node?[name]?.GetValue<string>() ?? "";
}
