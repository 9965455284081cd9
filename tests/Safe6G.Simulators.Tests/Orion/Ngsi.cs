using System.Globalization;
using System.Text.Json;

namespace Safe6G.Simulators.Tests.Orion;

/// <summary>Small readers for NGSI-LD responses.</summary>
internal static class Ngsi
{
    public const string Errors = "https://uri.etsi.org/ngsi-ld/errors/";

    public static int ResultsCount(HttpResponseMessage response)
        => int.Parse(response.Headers.GetValues("NGSILD-Results-Count").Single(), CultureInfo.InvariantCulture);

    public static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    public static List<string> Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    public static async Task AssertProblemAsync(HttpResponseMessage response, int status, string type, string? title = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Errors + type, doc.RootElement.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("title").GetString()));
        if (title is not null) Assert.Equal(title, doc.RootElement.GetProperty("title").GetString());
    }
}
