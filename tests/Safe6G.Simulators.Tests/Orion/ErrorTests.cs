using System.Text;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class ErrorTests
{
    [Theory]
    [InlineData("ngsi-ld/v1/entities?type=InfrastructureElement&colour=red", 400, "BadRequestData", "Unknown URI parameter")]
    [InlineData("ngsi-ld/v1/entities", 400, "BadRequestData", "Too broad query")]
    [InlineData("ngsi-ld/v1/entities?type=InfrastructureElement&q=cpuCores>>", 400, "BadRequestData", "Invalid Q-Filter")]
    [InlineData("ngsi-ld/v1/entities?type=InfrastructureElement&q=(cpuCores>1", 400, "BadRequestData", "Invalid Q-Filter")]
    [InlineData("ngsi-ld/v1/entities/urn:ngsi-ld:InfrastructureElement:none", 404, "ResourceNotFound", "Entity Not Found")]
    [InlineData("ngsi-ld/v1/entities?type=InfrastructureElement&geometry=Point", 501, "OperationNotSupported", null)]
    public async Task Bad_requests_get_problem_details(string url, int status, string type, string? title)
    {
        await using var orion = await OrionFixture.StartAsync();
        var (response, _) = await orion.GetJsonAsync(url);
        await Ngsi.AssertProblemAsync(response, status, type, title);
    }

    [Fact]
    public async Task Unsupported_accept_is_406_and_wildcard_is_json()
    {
        await using var orion = await OrionFixture.StartAsync();
        var (html, _) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=Domain", h => h.Accept.ParseAdd("text/html"));
        await Ngsi.AssertProblemAsync(html, 406, "BadRequestData", "Invalid Accept mime-type");
        var (any, _) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=Domain", h => h.Accept.ParseAdd("*/*"));
        Assert.Equal("application/json", any.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Posting_an_existing_id_is_409_and_garbage_is_400()
    {
        await using var orion = await OrionFixture.StartAsync();
        const string entity = """{"id":"urn:ngsi-ld:Domain:alpha","type":"Domain"}""";
        var conflict = await orion.Client.PostAsync("ngsi-ld/v1/entities", new StringContent(entity, Encoding.UTF8, "application/json"));
        await Ngsi.AssertProblemAsync(conflict, 409, "AlreadyExists");

        var garbage = await orion.Client.PostAsync("ngsi-ld/v1/entities", new StringContent("{nope", Encoding.UTF8, "application/json"));
        await Ngsi.AssertProblemAsync(garbage, 400, "InvalidRequest");

        var noId = await orion.Client.PostAsync("ngsi-ld/v1/entities", new StringContent("""{"type":"Domain"}""", Encoding.UTF8, "application/json"));
        await Ngsi.AssertProblemAsync(noId, 400, "BadRequestData");

        var text = await orion.Client.PostAsync("ngsi-ld/v1/entities", new StringContent(entity, Encoding.UTF8, "text/plain"));
        Assert.Equal(415, (int)text.StatusCode);
    }

    [Fact]
    public async Task Version_answers_like_orion_ld()
    {
        await using var orion = await OrionFixture.StartAsync();
        var (response, body) = await orion.GetJsonAsync("version");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("1.4.2", body.GetProperty("Orion-LD version").GetString());
    }
}
