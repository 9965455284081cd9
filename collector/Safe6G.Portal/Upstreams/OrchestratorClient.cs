using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Safe6G.Portal.Upstreams;

/// <summary>
/// The orchestrator's HLO API (/hlo_fe/services). Reads return <see cref="Fetched{T}"/>; commands return the
/// orchestrator's own message (the problem's detail on 4xx) so the page can show exactly what it said.
/// </summary>
public sealed class OrchestratorClient(HttpClient http, Uri baseUrl, TimeSpan timeout)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string Prefix = "hlo_fe/services";

    /// <summary>The orchestrator's base URL, for messages.</summary>
    public Uri BaseUrl => baseUrl;

    /// <summary>All services.</summary>
    public Task<Fetched<IReadOnlyList<ServiceView>>> ListAsync(CancellationToken ct) =>
        ReadAsync<IReadOnlyList<ServiceView>>(Prefix, ct);

    /// <summary>One service (404 is an error sentence too).</summary>
    public Task<Fetched<ServiceView>> GetAsync(string id, CancellationToken ct) =>
        ReadAsync<ServiceView>($"{Prefix}/{Uri.EscapeDataString(id)}", ct);

    /// <summary>POST a TOSCA descriptor (deploy).</summary>
    public Task<CommandResult> DeployAsync(string id, string tosca, CancellationToken ct) => SendAsync(HttpMethod.Post, id, "", tosca, ct);

    /// <summary>PATCH a new TOSCA descriptor (upgrade).</summary>
    public Task<CommandResult> UpgradeAsync(string id, string tosca, CancellationToken ct) => SendAsync(HttpMethod.Patch, id, "", tosca, ct);

    /// <summary>DELETE (deallocate).</summary>
    public Task<CommandResult> DeallocateAsync(string id, CancellationToken ct) => SendAsync(HttpMethod.Delete, id, "", null, ct);

    /// <summary>PUT (re-allocate a deallocated service).</summary>
    public Task<CommandResult> ReallocateAsync(string id, CancellationToken ct) => SendAsync(HttpMethod.Put, id, "", null, ct);

    /// <summary>DELETE …/purge (forget a finished service).</summary>
    public Task<CommandResult> PurgeAsync(string id, CancellationToken ct) => SendAsync(HttpMethod.Delete, id, "/purge", null, ct);

    private async Task<Fetched<T>> ReadAsync<T>(string relative, CancellationToken ct)
    {
        using var cts = Deadline(ct);
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl, relative), cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return Fetched<T>.Fail(await ProblemAsync(response, cts.Token).ConfigureAwait(false));
            var value = await response.Content.ReadFromJsonAsync<T>(Json, cts.Token).ConfigureAwait(false);
            return value is null ? Fetched<T>.Fail($"the orchestrator at {baseUrl} sent an empty body") : new Fetched<T>(value, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return Fetched<T>.Fail(Describe(ex));
        }
    }

    private async Task<CommandResult> SendAsync(HttpMethod method, string id, string suffix, string? tosca, CancellationToken ct)
    {
        using var cts = Deadline(ct);
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, $"{Prefix}/{Uri.EscapeDataString(id)}{suffix}"));
        if (tosca is not null)
            request.Content = new StringContent(tosca, Encoding.UTF8, "application/x-yaml");
        try
        {
            using var response = await http.SendAsync(request, cts.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return new CommandResult(true, $"{method} {id}{suffix}: accepted ({(int)response.StatusCode})");
            return new CommandResult(false, await ProblemAsync(response, cts.Token).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new CommandResult(false, Describe(ex));
        }
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : root.TryGetProperty("title", out var t) ? t.GetString() : null;
            // A TOSCA problem's detail already joins every error with its line and field.
            return $"the orchestrator answered {(int)response.StatusCode}: {detail ?? body}";
        }
        catch (JsonException)
        {
            return $"the orchestrator answered {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}";
        }
    }

    private CancellationTokenSource Deadline(CancellationToken ct)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        return cts;
    }

    private string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => $"the orchestrator at {baseUrl} did not answer within {timeout.TotalSeconds:0.#}s",
        JsonException => $"the orchestrator at {baseUrl} sent JSON the portal does not understand: {ex.Message}",
        _ => $"the orchestrator at {baseUrl} is unreachable: {ex.Message}",
    };
}

/// <summary>Outcome of a command sent to the orchestrator, with the sentence to show.</summary>
public sealed record CommandResult(bool Ok, string Message);
