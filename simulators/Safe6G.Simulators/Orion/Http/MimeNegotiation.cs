using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Safe6G.Simulators.Orion.Http;

/// <summary>Accept header handling: JSON (context in a Link header) or JSON-LD (context in the body); others → 406.</summary>
internal static class MimeNegotiation
{
    public const string Json = "application/json";
    public const string JsonLd = "application/ld+json";

    /// <summary>Picks the response type; on equal weights JSON wins, as in Orion-LD.</summary>
    public static bool TryPick(HttpRequest request, out string mime, out NgsiProblem? problem)
    {
        mime = Json;
        problem = null;
        var header = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(header)) return true;
        if (!MediaTypeHeaderValue.TryParseList([header], out var list) || list.Count == 0)
        {
            problem = new NgsiProblem(406, "BadRequestData", "Invalid Accept mime-type", header);
            return false;
        }
        double jsonQ = -1, ldQ = -1;
        foreach (var item in list)
        {
            var q = item.Quality ?? 1.0;
            if (q <= 0) continue;
            var type = item.MediaType.Value ?? "";
            if (type is "*/*" or "application/*" or Json) jsonQ = Math.Max(jsonQ, q);
            else if (type == JsonLd) ldQ = Math.Max(ldQ, q);
        }
        if (jsonQ < 0 && ldQ < 0)
        {
            problem = new NgsiProblem(406, "BadRequestData", "Invalid Accept mime-type", header);
            return false;
        }
        mime = ldQ > jsonQ ? JsonLd : Json;
        return true;
    }

    /// <summary>Writes the context where Orion-LD puts it for JSON: the Link response header.</summary>
    public static void AddContextLink(HttpResponse response, LdContext context)
        => response.Headers.Link = $"<{context.Url}>; rel=\"{LdContext.LinkRel}\"; type=\"{JsonLd}\"";
}
