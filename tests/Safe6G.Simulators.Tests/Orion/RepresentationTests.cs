using Safe6G.Testing;
using System.Text.Json;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class RepresentationTests
{
    private const string Ies = "ngsi-ld/v1/entities?type=InfrastructureElement&limit=50";

    [Fact]
    public async Task Normalized_keyValues_and_concise_carry_the_same_values()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 30);
        var (_, normalized) = await orion.GetJsonAsync(Ies);
        var (_, simplified) = await orion.GetJsonAsync(Ies + "&options=keyValues");
        var (_, concise) = await orion.GetJsonAsync(Ies + "&format=concise");

        Assert.Equal(30, normalized.GetArrayLength());
        for (var i = 0; i < 30; i++)
        {
            var n = normalized[i];
            var s = simplified[i];
            var c = concise[i];
            Assert.Equal(n.GetProperty("id").GetString(), s.GetProperty("id").GetString());

            var cpu = n.GetProperty("currentCpuUsage");
            Assert.Equal("Property", cpu.GetProperty("type").GetString());
            Assert.Equal("Percentage (%)", cpu.GetProperty("unitCode").GetString());
            Assert.Equal(cpu.GetProperty("value").GetInt64(), s.GetProperty("currentCpuUsage").GetInt64());
            Assert.Equal(cpu.GetProperty("value").GetInt64(), c.GetProperty("currentCpuUsage").GetProperty("value").GetInt64());

            var status = n.GetProperty("infrastructureElementStatus");
            Assert.Equal("Relationship", status.GetProperty("type").GetString());
            var urn = status.GetProperty("object").GetString()!;
            Assert.StartsWith("urn:ngsi-ld:InfrastructureElementStatus:", urn, StringComparison.Ordinal);
            Assert.Equal(urn, s.GetProperty("infrastructureElementStatus").GetString());
            Assert.Equal(urn, c.GetProperty("infrastructureElementStatus").GetProperty("object").GetString());

            Assert.Equal("GeoProperty", n.GetProperty("location").GetProperty("type").GetString());
            Assert.Equal("Point", s.GetProperty("location").GetProperty("type").GetString());
            Assert.Equal(n.GetProperty("realTimeCapable").GetProperty("value").GetBoolean(), s.GetProperty("realTimeCapable").GetBoolean());
            Assert.Equal(n.GetProperty("realTimeCapable").GetProperty("value").GetBoolean(), c.GetProperty("realTimeCapable").GetBoolean());
        }
    }

    [Fact]
    public async Task Format_wins_over_options_and_bad_values_are_400()
    {
        await using var orion = await OrionFixture.StartAsync();
        var (_, body) = await orion.GetJsonAsync(Ies + "&format=normalized&options=keyValues");
        Assert.Equal(JsonValueKind.Object, body[0].GetProperty("cpuCores").ValueKind);

        var (badFormat, _) = await orion.GetJsonAsync(Ies + "&format=compact");
        await Ngsi.AssertProblemAsync(badFormat, 400, "BadRequestData", "Bad value for URI parameter /format/");
        var (badOption, _) = await orion.GetJsonAsync(Ies + "&options=fancy");
        await Ngsi.AssertProblemAsync(badOption, 400, "BadRequestData");
    }

    [Fact]
    public async Task SysAttrs_adds_created_and_modified_timestamps()
    {
        await using var orion = await OrionFixture.StartAsync();
        var (_, body) = await orion.GetJsonAsync(Ies + "&options=sysAttrs,keyValues");
        var first = body[0];
        var modified = DateTimeOffset.Parse(first.GetProperty("modifiedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var created = DateTimeOffset.Parse(first.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(modified >= created);
        Assert.True(modified <= ManualClock.DefaultStart);

        var (_, plain) = await orion.GetJsonAsync(Ies);
        Assert.False(plain[0].TryGetProperty("modifiedAt", out _));
    }

    [Fact]
    public async Task Attrs_projects_attributes_and_drops_entities_without_them()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 20);
        var (_, body) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&attrs=cpuCores,domain&options=keyValues");
        foreach (var e in body.EnumerateArray())
        {
            var names = e.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "cpuCores", "domain", "id", "type" }, names);
        }

        // Only some IEs ran the speed test: attrs=netSpeedUp alone returns just those.
        var (_, withSpeed) = await orion.GetJsonAsync("ngsi-ld/v1/entities?attrs=netSpeedUp&options=keyValues&limit=1000");
        var (_, all) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&options=keyValues&limit=1000");
        var expected = all.EnumerateArray().Count(e => e.TryGetProperty("netSpeedUp", out _));
        Assert.Equal(expected, withSpeed.GetArrayLength());
        Assert.InRange(expected, 1, 19);
    }

    [Fact]
    public async Task Json_gets_the_core_context_as_link_header_and_jsonld_gets_it_inline()
    {
        await using var orion = await OrionFixture.StartAsync();
        var (json, jsonBody) = await orion.GetJsonAsync(Ies, h => h.Accept.ParseAdd("application/json"));
        Assert.Contains("ngsi-ld-core-context", Ngsi.Header(json, "Link"), StringComparison.Ordinal);
        Assert.False(jsonBody[0].TryGetProperty("@context", out _));

        var (ld, ldBody) = await orion.GetJsonAsync(Ies, h => h.Accept.ParseAdd("application/ld+json"));
        Assert.Null(Ngsi.Header(ld, "Link"));
        Assert.Equal("application/ld+json", ld.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ngsi-ld-core-context", ldBody[0].GetProperty("@context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_context_in_link_stops_short_names_from_matching()
    {
        await using var orion = await OrionFixture.StartAsync();
        const string sdm = "<https://smart-data-models.github.io/dataModel.IT/context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";
        var (_, shortName) = await orion.GetJsonAsync(Ies, h => h.TryAddWithoutValidation("Link", sdm));
        Assert.Equal(0, shortName.GetArrayLength());

        var (_, fullIri) = await orion.GetJsonAsync(
            "ngsi-ld/v1/entities?type=https://uri.etsi.org/ngsi-ld/default-context/InfrastructureElement",
            h => h.TryAddWithoutValidation("Link", sdm));
        Assert.Equal(5, fullIri.GetArrayLength());
        Assert.True(fullIri[0].TryGetProperty("https://uri.etsi.org/ngsi-ld/default-context/cpuCores", out _));
    }
}
