namespace Safe6G.Simulators.Tests.Orion;

public sealed class PaginationTests
{
    private const string Ies = "ngsi-ld/v1/entities?type=InfrastructureElement";

    [Fact]
    public async Task Five_entities_are_counted_and_paged_like_orion()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 5);

        var (all, body) = await orion.GetJsonAsync(Ies + "&count=true");
        Assert.Equal(5, Ngsi.ResultsCount(all));
        Assert.Equal(5, body.GetArrayLength());

        var (page, pageBody) = await orion.GetJsonAsync(Ies + "&limit=2&offset=4&count=true");
        Assert.Equal(5, Ngsi.ResultsCount(page));
        Assert.Equal(Ngsi.Ids(body)[4..], Ngsi.Ids(pageBody));

        var (past, pastBody) = await orion.GetJsonAsync(Ies + "&offset=5");
        Assert.Equal(200, (int)past.StatusCode);
        Assert.Equal(0, pastBody.GetArrayLength());
        Assert.Null(Ngsi.Header(past, "NGSILD-Results-Count"));
    }

    [Fact]
    public async Task Five_thousand_entities_default_to_twenty_and_walk_completely_with_limit_1000()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 5000);

        var (first, firstBody) = await orion.GetJsonAsync(Ies + "&count=true");
        Assert.Equal(5000, Ngsi.ResultsCount(first));
        Assert.Equal(20, firstBody.GetArrayLength()); // the silent truncation aeriOS' own clients fall into

        var seen = new HashSet<string>();
        for (var offset = 0; offset < 5000; offset += 1000)
        {
            var (page, pageBody) = await orion.GetJsonAsync($"{Ies}&limit=1000&offset={offset}&count=true&format=simplified");
            Assert.Equal(5000, Ngsi.ResultsCount(page));
            Assert.Equal(1000, pageBody.GetArrayLength());
            foreach (var id in Ngsi.Ids(pageBody)) Assert.True(seen.Add(id), $"duplicate {id}");
        }
        Assert.Equal(5000, seen.Count);
    }

    [Fact]
    public async Task Limit_zero_with_count_returns_only_the_count()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 12);
        var (response, body) = await orion.GetJsonAsync(Ies + "&limit=0&count=true");
        Assert.Equal(12, Ngsi.ResultsCount(response));
        Assert.Equal(0, body.GetArrayLength());

        var (noCount, _) = await orion.GetJsonAsync(Ies + "&limit=0");
        await Ngsi.AssertProblemAsync(noCount, 400, "BadRequestData", "Invalid value for URI parameter /limit/");
    }

    [Theory]
    [InlineData("limit=1001", "Invalid value for URI parameter /limit/")]
    [InlineData("limit=abc", "Invalid value for URI parameter /limit/")]
    [InlineData("offset=-1", "Invalid value for URI parameter /offset/")]
    public async Task Bad_paging_parameters_are_400(string query, string title)
    {
        await using var orion = await OrionFixture.StartAsync();
        var (response, body) = await orion.GetJsonAsync($"{Ies}&{query}");
        await Ngsi.AssertProblemAsync(response, 400, "BadRequestData", title);
        if (query == "limit=1001")
        {
            Assert.Equal("must be an integer value <= 1000", body.GetProperty("detail").GetString());
            Assert.Contains("<= 1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // not \u003C escaped
        }
    }

    [Fact]
    public async Task Options_count_is_the_ngsiv2_compatible_spelling()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 3);
        var (response, _) = await orion.GetJsonAsync(Ies + "&options=count,keyValues");
        Assert.Equal(3, Ngsi.ResultsCount(response));
    }
}
