using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Orion.Model;
using Safe6G.Simulators.Orion.Render;

namespace Safe6G.Simulators.Orion.Http;

/// <summary>Writes entity arrays and single entities with the headers Orion-LD sets (Link or inline @context, count).</summary>
internal static class EntityResponses
{
    public static async Task WriteArrayAsync(HttpContext context, string mime, LdContext ldContext, IEnumerable<NgsiEntity> page,
        EntityWriter writer, int? count)
    {
        Prepare(context.Response, mime, ldContext);
        if (count is { } n) context.Response.Headers["NGSILD-Results-Count"] = n.ToString(CultureInfo.InvariantCulture);
        await using var json = new Utf8JsonWriter(context.Response.Body, NgsiJson.WriterOptions);
        json.WriteStartArray();
        var written = 0;
        foreach (var entity in page)
        {
            writer.Write(json, entity);
            // Flush now and then: a 1000-entity page is ~2 MB, no need to hold it all.
            if (++written % 100 == 0) await json.FlushAsync(context.RequestAborted);
        }
        json.WriteEndArray();
        await json.FlushAsync(context.RequestAborted);
    }

    public static async Task WriteOneAsync(HttpContext context, string mime, LdContext ldContext, NgsiEntity entity, EntityWriter writer)
    {
        Prepare(context.Response, mime, ldContext);
        await using var json = new Utf8JsonWriter(context.Response.Body, NgsiJson.WriterOptions);
        writer.Write(json, entity);
        await json.FlushAsync(context.RequestAborted);
    }

    private static void Prepare(HttpResponse response, string mime, LdContext ldContext)
    {
        response.StatusCode = 200;
        response.ContentType = mime;
        if (mime == MimeNegotiation.Json) MimeNegotiation.AddContextLink(response, ldContext);
    }
}
