namespace Safe6G.Simulators.Orion.Http;

/// <summary>
/// Term expansion the way aeriOS meets it: no Link header (or the core context) expands a short term to the
/// default vocabulary, which is how continuum entities are stored. Any other context is unknown to this simulator
/// and treated as defining nothing but its own namespace, so short terms then no longer match stored entities —
/// the effect the research notes warn about (sending the Smart Data Models context breaks matching).
/// </summary>
internal sealed class LdContext
{
    public const string CoreContext = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.6.jsonld";
    public const string DefaultVocab = "https://uri.etsi.org/ngsi-ld/default-context/";
    public const string LinkRel = "http://www.w3.org/ns/json-ld#context";

    private LdContext(string url, bool isCore)
    {
        Url = url;
        IsCore = isCore;
    }

    public string Url { get; }
    public bool IsCore { get; }

    public static LdContext Core { get; } = new(CoreContext, true);

    /// <summary>Parses a request Link header; null context when absent.</summary>
    public static bool TryFromLinkHeader(string? link, out LdContext context, out NgsiProblem? problem)
    {
        context = Core;
        problem = null;
        if (string.IsNullOrWhiteSpace(link)) return true;
        var start = link.IndexOf('<');
        var end = link.IndexOf('>', start + 1);
        if (start < 0 || end < 0)
        {
            problem = NgsiProblem.BadRequest("Invalid Link HTTP Header", "the URL must be enclosed in <>");
            return false;
        }
        var url = link[(start + 1)..end].Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problem = NgsiProblem.BadRequest("Invalid Link HTTP Header", $"not a URL: {url}");
            return false;
        }
        var isCore = url.StartsWith("https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context", StringComparison.Ordinal);
        context = isCore ? Core : new LdContext(url, false);
        return true;
    }

    /// <summary>The stored name for a term given by a client: short for the default vocabulary, else the full IRI.</summary>
    public string StoredName(string term)
    {
        if (term.StartsWith(DefaultVocab, StringComparison.Ordinal)) return term[DefaultVocab.Length..];
        if (term.Contains(':', StringComparison.Ordinal)) return term;
        if (IsCore) return term;
        var baseUrl = Url.EndsWith('/') || Url.EndsWith('#') ? Url : Url + "#";
        return baseUrl + term;
    }

    /// <summary>How a stored name is shown to a client using this context.</summary>
    public string Compact(string storedName)
    {
        if (storedName.Contains(':', StringComparison.Ordinal)) return storedName;
        return IsCore ? storedName : DefaultVocab + storedName;
    }
}
