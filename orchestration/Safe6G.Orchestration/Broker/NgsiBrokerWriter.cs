using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Lifecycle;

namespace Safe6G.Orchestration.Broker;

/// <summary>
/// Writes Service and ServiceComponent entities (normalized NGSI-LD, the attribute names of aerios.md §3.4–3.5 and
/// seed §2.1.1) with POST /entities, or POST /entities/{id}/attrs when the entity exists, so the Data Fabric exporter sees placements.
/// </summary>
public sealed class NgsiBrokerWriter(HttpClient http, Uri baseUrl, string domain, string? tenant, TimeSpan timeout) : IBrokerWriter
{
    public Task<string?> WriteServiceAsync(ServiceSnapshot service, CancellationToken cancellationToken)
    {
        var entity = Entity(ContinuumIds.ServiceUrn(service.Id), "Service");
        entity["name"] = Prop($"aeriOS_service_{service.Id}");
        entity["description"] = Prop(service.Description);
        entity["domainHandler"] = Rel(ContinuumIds.DomainPrefix + domain);
        entity["actionType"] = Prop(service.Action);
        entity["hasOverlay"] = Prop(service.ServiceOverlay);
        entity["belongsToTrustFunction"] = Prop(service.BelongsToTrustFunction);
        if (service.TrustFunctionDimension is { } dimension)
            entity["trustFunctionDimension"] = Prop(dimension);
        return UpsertAsync(entity, cancellationToken);
    }

    public Task<string?> WriteComponentAsync(ServiceSnapshot service, ComponentSnapshot component, CancellationToken cancellationToken)
    {
        var entity = Entity(component.Id, "ServiceComponent");
        entity["service"] = Rel(ContinuumIds.ServiceUrn(service.Id));
        entity["infrastructureElement"] = Rel(component.InfrastructureElement is { } ie ? ContinuumIds.IeUrn(ie) : "urn:ngsi-ld:null");
        entity["serviceComponentStatus"] = Rel($"urn:ngsi-ld:ServiceComponentStatus:{component.ServiceComponentStatus}");
        entity["containerImage"] = Prop(component.Artifact);
        entity["exposePorts"] = Prop(component.ExposePorts);
        entity["isJob"] = Prop(component.IsJob);
        entity["isPrivate"] = Prop(component.IsPrivate);
        if (component.TrustFunctionElement is { } element)
            entity["trustFunctionElement"] = Prop(element);
        if (component.InteractsWithContinuum is { } a) entity["interactsWithContinuum"] = Prop(a);
        if (component.InteractsWithCore is { } b) entity["interactsWithCore"] = Prop(b);
        if (component.InteractsWithService is { } c) entity["interactsWithService"] = Prop(c);
        return UpsertAsync(entity, cancellationToken);
    }

    public async Task<string?> DeleteAsync(ServiceSnapshot service, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var id in service.Components.Select(c => c.Id).Append(ContinuumIds.ServiceUrn(service.Id)))
        {
            var (error, _) = await SendAsync(HttpMethod.Delete, $"ngsi-ld/v1/entities/{Uri.EscapeDataString(id)}", null, cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
            if (error is not null) errors.Add(error);
        }
        return errors.Count == 0 ? null : string.Join("; ", errors);
    }

    private async Task<string?> UpsertAsync(JsonObject entity, CancellationToken cancellationToken)
    {
        var id = entity["id"]!.GetValue<string>();
        var (created, status) = await SendAsync(HttpMethod.Post, "ngsi-ld/v1/entities", entity.ToJsonString(), cancellationToken, HttpStatusCode.Conflict).ConfigureAwait(false);
        if (created is not null || status != HttpStatusCode.Conflict)
            return created;
        entity.Remove("id");
        entity.Remove("type");
        return (await SendAsync(HttpMethod.Post, $"ngsi-ld/v1/entities/{Uri.EscapeDataString(id)}/attrs", entity.ToJsonString(), cancellationToken).ConfigureAwait(false)).Error;
    }

    private async Task<(string? Error, HttpStatusCode? Status)> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken, HttpStatusCode? tolerated = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (tenant is not null) request.Headers.Add("NGSILD-Tenant", tenant);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.SendAsync(request, cts.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode || response.StatusCode == tolerated)
                return (null, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
            return ($"broker {method} {path}: {(int)response.StatusCode} {Trim(body)}", response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"broker {method} {path}: no answer within {timeout.TotalSeconds:0.###} s", null);
        }
        catch (HttpRequestException ex)
        {
            return ($"broker {method} {path}: {ex.Message}", null);
        }
    }

    private static string Trim(string body) => body.Length > 200 ? body[..200] + "…" : body;

    private static JsonObject Entity(string id, string type) => new() { ["id"] = id, ["type"] = type };

    private static JsonObject Prop(JsonNode? value) => new() { ["type"] = "Property", ["value"] = value };

    private static JsonObject Rel(string target) => new() { ["type"] = "Relationship", ["object"] = target };
}
