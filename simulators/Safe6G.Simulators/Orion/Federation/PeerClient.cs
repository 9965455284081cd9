using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Safe6G.Simulators.Orion.Http;
using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion.Federation;

/// <summary>
/// Asks a federated peer broker, the way Orion-LD forwards for an aeriOS registration (management.localOnly: true):
/// with local=true, the caller's Authorization, tenant and Link headers, and <c>aerOS: true</c>.
/// </summary>
internal sealed class PeerClient(HttpClient http, string brokerId)
{
    private static readonly string[] Forwarded = ["Authorization", "NGSILD-Tenant", "Fiware-Service", "Link"];

    /// <summary>
    /// All entities of the peer matching the original filters, fetched page by page (limit 1000), kept as their raw
    /// UTF-8 JSON: a map holds thousands of them, and bytes are several times smaller than parsed entities.
    /// </summary>
    public async Task<List<EntityMap.RemoteEntity>> QueryAsync(Uri peer, HttpRequest original, CancellationToken cancellationToken)
    {
        var result = new List<EntityMap.RemoteEntity>();
        var filters = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in new[] { "id", "type", "idPattern", "q", "attrs", "pick" })
            if (original.Query.TryGetValue(name, out var v)) filters[name] = v.ToString();
        filters["local"] = "true";
        filters["count"] = "true";
        filters["limit"] = "1000";
        // Concise keeps Property/Relationship and unitCode apart at about half the bytes of normalized;
        // timestamps only when the client asked for them.
        filters["format"] = "concise";
        if (WantsSysAttrs(original)) filters["options"] = "sysAttrs";

        for (var offset = 0; ; offset += 1000)
        {
            filters["offset"] = offset.ToString(CultureInfo.InvariantCulture);
            using var response = await SendAsync(peer, "ngsi-ld/v1/entities", filters, original, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var page = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    result.Add(new EntityMap.RemoteEntity(id.GetString()!, JsonMarshal.GetRawUtf8Value(item).ToArray()));
                page++;
            }
            var total = response.Headers.TryGetValues("NGSILD-Results-Count", out var counts)
                && int.TryParse(counts.FirstOrDefault(), CultureInfo.InvariantCulture, out var n) ? n : 0;
            if (page == 0 || offset + page >= total) break;
        }
        return result;
    }

    private static bool WantsSysAttrs(HttpRequest original)
        => original.Query.TryGetValue("options", out var o) && o.ToString().Split(',').Contains("sysAttrs", StringComparer.Ordinal);

    /// <summary>One entity by id from the peer, or null when the peer does not have it.</summary>
    public async Task<NgsiEntity?> GetAsync(Uri peer, string id, HttpRequest original, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string?> { ["local"] = "true", ["options"] = "sysAttrs", ["format"] = "normalized" };
        using var response = await SendAsync(peer, "ngsi-ld/v1/entities/" + Uri.EscapeDataString(id), query, original, cancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var context = LdContext.TryFromLinkHeader(original.Headers.Link.ToString(), out var c, out _) ? c : LdContext.Core;
        return EntityParser.TryParseEntity(doc.RootElement, context, now, out var entity, out _) ? entity : null;
    }

    /// <summary>The entity types the peer knows locally.</summary>
    public async Task<List<string>> TypesAsync(Uri peer, HttpRequest original, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(peer, "ngsi-ld/v1/types", new Dictionary<string, string?> { ["local"] = "true" }, original, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return doc.RootElement.TryGetProperty("typeList", out var list)
            ? [.. list.EnumerateArray().Select(t => t.GetString()!)]
            : [];
    }

    /// <summary>
    /// Forwards a write (PATCH/DELETE) for an entity this broker does not hold, as Orion-LD does for registrations with
    /// updateOps/deleteEntity. Null when the peer does not have the entity either (404) or cannot be reached.
    /// </summary>
    public async Task<HttpResponseMessage?> ForwardWriteAsync(Uri peer, HttpMethod method, string path, string? body, HttpRequest original, CancellationToken cancellationToken)
    {
        var baseUri = peer.AbsoluteUri.EndsWith('/') ? peer : new Uri(peer.AbsoluteUri + "/");
        var uri = new Uri(QueryHelpers.AddQueryString(new Uri(baseUri, path.TrimStart('/')).AbsoluteUri, "local", "true"));
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, original.ContentType?.Split(';')[0].Trim() ?? "application/json");
        request.Headers.TryAddWithoutValidation("aerOS", "true");
        request.Headers.TryAddWithoutValidation("Via", $"1.1 {brokerId}");
        foreach (var name in Forwarded)
            if (original.Headers.TryGetValue(name, out var value)) request.Headers.TryAddWithoutValidation(name, value.ToString());
        HttpResponseMessage response;
        try { response = await http.SendAsync(request, cancellationToken); }
        catch (HttpRequestException) { return null; }
        if ((int)response.StatusCode == 404)
        {
            response.Dispose();
            return null;
        }
        return response;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri peer, string path, Dictionary<string, string?> query, HttpRequest original, CancellationToken cancellationToken)
    {
        var baseUri = peer.AbsoluteUri.EndsWith('/') ? peer : new Uri(peer.AbsoluteUri + "/");
        var uri = new Uri(QueryHelpers.AddQueryString(new Uri(baseUri, path).AbsoluteUri, query));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("aerOS", "true");
        request.Headers.TryAddWithoutValidation("Via", $"1.1 {brokerId}");
        foreach (var name in Forwarded)
            if (original.Headers.TryGetValue(name, out var value)) request.Headers.TryAddWithoutValidation(name, value.ToString());
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
