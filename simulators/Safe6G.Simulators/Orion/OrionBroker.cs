using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Orion.Federation;
using Safe6G.Simulators.Orion.Http;
using Safe6G.Simulators.Orion.Model;
using Safe6G.Simulators.Orion.Query;
using Safe6G.Simulators.Orion.Render;

namespace Safe6G.Simulators.Orion;

/// <summary>The NGSI-LD request handlers of one simulated Orion-LD broker.</summary>
internal sealed class OrionBroker(OrionSimulatorOptions options, TenantRegistry tenants, EntityMapStore maps, PeerClient peers)
{
    public string BrokerId => $"urn:ngsi-ld:Domain:{options.Domain}";

    private DateTimeOffset Now => options.Clock.GetUtcNow();

    public async Task GetEntitiesAsync(HttpContext http)
    {
        if (!Prelude(http, create: false, out var store, out var tenant, out var mime, out var ld, out var problem))
        {
            await problem!.WriteAsync(http);
            return;
        }
        var now = Now;
        var mapId = http.Request.Headers["NGSILD-EntityMap"].ToString();
        if (!QueryParameters.TryParse(http.Request.Query, ld, options.DefaultPageSize, out var qp, out problem))
        {
            await problem!.WriteAsync(http);
            return;
        }

        if (mapId.Length > 0)
        {
            if (qp.HasQueryDefining)
            {
                await NgsiProblem.BadRequest("Query parameters present", "only limit, offset, count, format and options may accompany NGSILD-EntityMap").WriteAsync(http);
                return;
            }
            var map = maps.Get(mapId);
            if (map is null || map.Tenant != tenant)
            {
                await NgsiProblem.NotFound("Entity Map not found", mapId).WriteAsync(http);
                return;
            }
            await WriteMapPageAsync(http, store, map, qp, mime, ld, now);
            return;
        }

        if (qp.IsTooBroad)
        {
            await NgsiProblem.BadRequest("Too broad query", "Need at least one of: entity-id, entity-type, geo-location, attribute-list, Q-filter, local=true").WriteAsync(http);
            return;
        }

        if (IsDistributed(http, qp.Local))
        {
            var entries = store.Snapshot().Where(e => qp.Matches(e, now)).Select(e => new EntityMap.Entry(e.Id, null)).ToList();
            var seen = new HashSet<string>(entries.Select(e => e.Id), StringComparer.Ordinal);
            // All peers at once, merged in configuration order so the map order does not depend on timing.
            var fetches = options.Peers.Select(peer => QueryPeerAsync(peer, http)).ToArray();
            foreach (var remote in await Task.WhenAll(fetches))
                foreach (var entity in remote)
                    if (seen.Add(entity.Id)) entries.Add(new EntityMap.Entry(entity.Id, entity.Json));
            var map = new EntityMap($"urn:ngsi-ld:entitymap:{Guid.NewGuid()}", tenant, qp.Attrs, ld, entries, now);
            maps.Add(map);
            await WriteMapPageAsync(http, store, map, qp, mime, ld, now);
            return;
        }

        var matches = store.Snapshot().Where(e => qp.Matches(e, now)).ToList();
        var writer = new EntityWriter(qp.Form, qp.SysAttrs, qp.Attrs, ld, mime == MimeNegotiation.JsonLd, now);
        await EntityResponses.WriteArrayAsync(http, mime, ld, matches.Skip(qp.Offset).Take(qp.Limit), writer, qp.Count ? matches.Count : null);
    }

    /// <summary>A peer's matches; an unreachable or broken peer leaves its entities out and the rest is still served.</summary>
    private async Task<List<EntityMap.RemoteEntity>> QueryPeerAsync(Uri peer, HttpContext http)
    {
        try { return await peers.QueryAsync(peer, http.Request, http.RequestAborted); }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException)
        {
            return [];
        }
    }

    private static async Task WriteMapPageAsync(HttpContext http, EntityStore store, EntityMap map, QueryParameters qp, string mime, LdContext ld, DateTimeOffset now)
    {
        http.Response.Headers["NGSILD-EntityMap"] = map.Id;
        var page = map.Entries.Skip(qp.Offset).Take(qp.Limit)
            .Select(e => map.Resolve(e, store))
            .Where(e => e is not null)
            .Select(e => e!);
        var writer = new EntityWriter(qp.Form, qp.SysAttrs, map.Attrs, ld, mime == MimeNegotiation.JsonLd, now);
        await EntityResponses.WriteArrayAsync(http, mime, ld, page, writer, qp.Count ? map.Entries.Count : null);
    }

    public async Task GetEntityAsync(HttpContext http, string id)
    {
        if (!Prelude(http, create: false, out var store, out _, out var mime, out var ld, out var problem)
            || !TrySingleEntityQuery(http, ld, out var form, out var sysAttrs, out var attrs, out var local, out problem))
        {
            await problem!.WriteAsync(http);
            return;
        }
        var now = Now;
        var entity = store.Get(id);
        if (entity is null && IsDistributed(http, local))
        {
            foreach (var peer in options.Peers)
            {
                try { entity = await peers.GetAsync(peer, id, http.Request, now, http.RequestAborted); }
                catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException) { }
                if (entity is not null) break;
            }
        }
        if (entity is null)
        {
            await NgsiProblem.NotFound("Entity Not Found", id).WriteAsync(http);
            return;
        }
        await EntityResponses.WriteOneAsync(http, mime, ld, entity, new EntityWriter(form, sysAttrs, attrs, ld, mime == MimeNegotiation.JsonLd, now));
    }

    public async Task GetTypesAsync(HttpContext http)
    {
        if (!Prelude(http, create: false, out var store, out _, out var mime, out var ld, out var problem))
        {
            await problem!.WriteAsync(http);
            return;
        }
        foreach (var key in http.Request.Query.Keys)
        {
            if (key is not ("local" or "details"))
            {
                await NgsiProblem.BadRequest("Unknown URI parameter", key).WriteAsync(http);
                return;
            }
        }
        if (http.Request.Query["details"] == "true")
        {
            await new NgsiProblem(501, "OperationNotSupported", "URI parameter not supported by the simulator", "details").WriteAsync(http);
            return;
        }
        var types = new SortedSet<string>(store.Snapshot().Select(e => ld.Compact(e.Type)), StringComparer.Ordinal);
        if (IsDistributed(http, http.Request.Query["local"] == "true"))
        {
            foreach (var peer in options.Peers)
            {
                try { types.UnionWith(await peers.TypesAsync(peer, http.Request, http.RequestAborted)); }
                catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException) { }
            }
        }
        http.Response.ContentType = mime;
        if (mime == MimeNegotiation.Json) MimeNegotiation.AddContextLink(http.Response, ld);
        await using var json = new Utf8JsonWriter(http.Response.Body, NgsiJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("id", $"urn:ngsi-ld:EntityTypeList:{Safe6G.Simulators.Common.Deterministic.Hash(0, string.Join(",", types)):x16}");
        json.WriteString("type", "EntityTypeList");
        json.WriteStartArray("typeList");
        foreach (var t in types) json.WriteStringValue(t);
        json.WriteEndArray();
        if (mime == MimeNegotiation.JsonLd) json.WriteString("@context", ld.Url);
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    public async Task CreateEntityAsync(HttpContext http)
    {
        var (body, ld, store, problem) = await ReadWriteRequestAsync(http);
        if (problem is not null) { await problem.WriteAsync(http); return; }
        using (body)
        {
            if (!EntityParser.TryParseEntity(body!.RootElement, ld!, Now, out var entity, out problem))
            {
                await problem!.WriteAsync(http);
                return;
            }
            if (!store!.TryAdd(entity!))
            {
                await new NgsiProblem(409, "AlreadyExists", "Entity already exists", entity!.Id).WriteAsync(http);
                return;
            }
            http.Response.StatusCode = 201;
            http.Response.Headers.Location = "/ngsi-ld/v1/entities/" + entity!.Id;
        }
    }

    /// <summary>PATCH /entities/{id}/attrs (update existing only, 207 for the rest), POST .../attrs and PATCH /entities/{id} (merge).</summary>
    public async Task UpdateAttributesAsync(HttpContext http, string id, bool onlyExisting, bool mergeSubAttributes)
    {
        var (body, ld, store, problem) = await ReadWriteRequestAsync(http);
        if (problem is not null) { await problem.WriteAsync(http); return; }
        using (body)
        {
            var now = Now;
            if (!EntityParser.TryParseAttributes(body!.RootElement, ld!, now, null, out var changes, out problem))
            {
                await problem!.WriteAsync(http);
                return;
            }
            var notUpdated = new List<string>();
            var updated = store!.Update(id, current =>
            {
                var accepted = new List<NgsiAttribute>();
                foreach (var change in changes)
                {
                    var existing = current.Find(change.Name);
                    if (existing is null && onlyExisting) { notUpdated.Add(change.Name); continue; }
                    var next = change with { ModifiedAt = now, CreatedAt = existing?.CreatedAt ?? now, Live = null };
                    if (mergeSubAttributes && existing is not null && next.UnitCode is null) next = next with { UnitCode = existing.UnitCode };
                    accepted.Add(next);
                }
                return current.With(accepted);
            });
            if (updated is null)
            {
                if (!await TryForwardWriteAsync(http, body.RootElement.GetRawText()))
                    await NgsiProblem.NotFound("Entity Not Found", id).WriteAsync(http);
                return;
            }
            if (notUpdated.Count == 0)
            {
                http.Response.StatusCode = 204;
                return;
            }
            http.Response.StatusCode = 207;
            http.Response.ContentType = MimeNegotiation.Json;
            await using var json = new Utf8JsonWriter(http.Response.Body, NgsiJson.WriterOptions);
            json.WriteStartObject();
            json.WriteStartArray("updated");
            foreach (var c in changes.Where(c => !notUpdated.Contains(c.Name))) json.WriteStringValue(ld!.Compact(c.Name));
            json.WriteEndArray();
            json.WriteStartArray("notUpdated");
            foreach (var name in notUpdated)
            {
                json.WriteStartObject();
                json.WriteString("attributeName", ld!.Compact(name));
                json.WriteString("reason", "attribute not found");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(http.RequestAborted);
        }
    }

    public async Task DeleteEntityAsync(HttpContext http, string id)
    {
        if (!TenantResolver.TryResolve(http, tenants, options.MultiService, create: false, out var store, out _, out var problem))
        {
            await problem!.WriteAsync(http);
            return;
        }
        if (!store.Remove(id))
        {
            if (!await TryForwardWriteAsync(http, null))
                await NgsiProblem.NotFound("Entity Not Found", id).WriteAsync(http);
            return;
        }
        http.Response.StatusCode = 204;
    }

    /// <summary>Sends a write for a non-local entity to the peers; true when one of them had it (its answer is relayed).</summary>
    private async Task<bool> TryForwardWriteAsync(HttpContext http, string? body)
    {
        if (!IsDistributed(http, http.Request.Query["local"] == "true")) return false;
        var method = new HttpMethod(http.Request.Method);
        foreach (var peer in options.Peers)
        {
            using var response = await peers.ForwardWriteAsync(peer, method, http.Request.Path.Value!, body, http.Request, http.RequestAborted);
            if (response is null) continue;
            http.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type) http.Response.ContentType = type.ToString();
            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
            return true;
        }
        return false;
    }

    /// <summary>Tenant, Accept and Link checks shared by every read.</summary>
    private bool Prelude(HttpContext http, bool create, out EntityStore store, out string tenant, out string mime, out LdContext ld, out NgsiProblem? problem)
    {
        mime = MimeNegotiation.Json;
        ld = LdContext.Core;
        if (!TenantResolver.TryResolve(http, tenants, options.MultiService, create, out store, out tenant, out problem)) return false;
        if (!MimeNegotiation.TryPick(http.Request, out mime, out problem)) return false;
        return LdContext.TryFromLinkHeader(http.Request.Headers.Link.ToString(), out ld, out problem);
    }

    private static bool TrySingleEntityQuery(HttpContext http, LdContext ld, out OutputForm form, out bool sysAttrs, out string[]? attrs, out bool local, out NgsiProblem? problem)
    {
        attrs = null;
        local = false;
        form = OutputForm.Normalized;
        sysAttrs = false;
        foreach (var key in http.Request.Query.Keys)
        {
            if (key is not ("attrs" or "pick" or "options" or "format" or "local" or "type"))
            {
                problem = NgsiProblem.BadRequest("Unknown URI parameter", key);
                return false;
            }
        }
        if (!QueryParameters.TryForm(http.Request.Query, out form, out sysAttrs, out _, out problem)) return false;
        var attrsText = http.Request.Query.TryGetValue("attrs", out var a) ? a.ToString() : http.Request.Query.TryGetValue("pick", out var p) ? p.ToString() : null;
        attrs = attrsText?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ld.StoredName).ToArray();
        local = http.Request.Query["local"] == "true";
        return true;
    }

    /// <summary>Distributed when the broker has peers (registrations), the client did not say local=true and the request is not itself a forward.</summary>
    private bool IsDistributed(HttpContext http, bool local)
        => options.Peers.Count > 0 && !local && !http.Request.Headers.ContainsKey("Via");

    private async Task<(JsonDocument? Body, LdContext? Context, EntityStore? Store, NgsiProblem? Problem)> ReadWriteRequestAsync(HttpContext http)
    {
        if (!TenantResolver.TryResolve(http, tenants, options.MultiService, create: true, out var store, out _, out var problem))
            return (null, null, null, problem);
        var contentType = http.Request.ContentType?.Split(';')[0].Trim() ?? "";
        if (contentType is not (MimeNegotiation.Json or MimeNegotiation.JsonLd))
            return (null, null, null, new NgsiProblem(415, "BadRequestData", "Unsupported Media Type", $"Content-Type must be {MimeNegotiation.Json} or {MimeNegotiation.JsonLd}"));
        if (!LdContext.TryFromLinkHeader(http.Request.Headers.Link.ToString(), out var ld, out problem))
            return (null, null, null, problem);
        JsonDocument body;
        try { body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted); }
        catch (JsonException e) { return (null, null, null, NgsiProblem.InvalidRequest("JSON Parse Error", e.Message)); }
        if (contentType == MimeNegotiation.JsonLd)
        {
            if (http.Request.Headers.ContainsKey("Link"))
            {
                body.Dispose();
                return (null, null, null, NgsiProblem.BadRequest("Link header and @context both present", "with application/ld+json the @context goes in the body"));
            }
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("@context", out var ctx)
                && ctx.ValueKind == JsonValueKind.String)
                LdContext.TryFromLinkHeader($"<{ctx.GetString()}>", out ld, out _);
        }
        return (body, ld, store, null);
    }
}
