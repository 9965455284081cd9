using Safe6G.Testing;
using System.Text;
using System.Text.Json;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class QueryAndUpdateTests
{
    private const string All = "ngsi-ld/v1/entities?type=InfrastructureElement&options=keyValues&limit=1000";

    [Fact]
    public async Task The_aeriOS_candidate_query_selects_exactly_the_matching_IEs()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 300);
        var (_, all) = await orion.GetJsonAsync(All);
        var expected = all.EnumerateArray().Where(e =>
                e.GetProperty("infrastructureElementStatus").GetString() == "urn:ngsi-ld:InfrastructureElementStatus:Ready"
                && e.GetProperty("currentCpuUsage").GetInt64() < 40
                && e.GetProperty("availableRam").GetInt64() > 2000)
            .Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(expected);

        var q = Uri.EscapeDataString("infrastructureElementStatus==\"urn:ngsi-ld:InfrastructureElementStatus:Ready\"&currentCpuUsage<40&availableRam>2000");
        var (response, body) = await orion.GetJsonAsync($"{All}&count=true&q={q}");
        Assert.Equal(expected.Count, Ngsi.ResultsCount(response));
        Assert.Equal(expected, Ngsi.Ids(body));
    }

    [Fact]
    public async Task Or_lists_ranges_and_relationship_queries_work()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 100);
        var (_, all) = await orion.GetJsonAsync(All);
        var arm = all.EnumerateArray().Count(e => e.GetProperty("cpuArchitecture").GetString() is "urn:ngsi-ld:CpuArchitecture:ARM64" or "urn:ngsi-ld:CpuArchitecture:RISC-V");
        var (_, orBody) = await orion.GetJsonAsync($"{All}&q=" + Uri.EscapeDataString("cpuArchitecture==\"urn:ngsi-ld:CpuArchitecture:ARM64\"|cpuArchitecture==\"urn:ngsi-ld:CpuArchitecture:RISC-V\""));
        Assert.Equal(arm, orBody.GetArrayLength());
        var (_, listBody) = await orion.GetJsonAsync($"{All}&q=" + Uri.EscapeDataString("cpuArchitecture==\"urn:ngsi-ld:CpuArchitecture:ARM64\",\"urn:ngsi-ld:CpuArchitecture:RISC-V\""));
        Assert.Equal(arm, listBody.GetArrayLength());

        var mid = all.EnumerateArray().Count(e => e.GetProperty("cpuCores").GetInt64() is >= 4 and <= 8);
        var (_, range) = await orion.GetJsonAsync($"{All}&q=cpuCores==4..8");
        Assert.Equal(mid, range.GetArrayLength());

        var (_, components) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=ServiceComponent&options=keyValues&limit=1000");
        var service = components[0].GetProperty("service").GetString()!;
        var (_, ofService) = await orion.GetJsonAsync("ngsi-ld/v1/entities?type=ServiceComponent&options=keyValues&q=" + Uri.EscapeDataString($"service==\"{service}\""));
        Assert.Equal(components.EnumerateArray().Count(c => c.GetProperty("service").GetString() == service), ofService.GetArrayLength());
    }

    [Fact]
    public async Task Patch_changes_an_IE_usage_and_the_value_stays()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        await using var orion = await OrionFixture.StartAsync(scale: 3, clock: clock);
        var (_, all) = await orion.GetJsonAsync(All);
        var id = Ngsi.Ids(all)[1];

        var patch = new HttpRequestMessage(HttpMethod.Patch, $"ngsi-ld/v1/entities/{id}/attrs")
        {
            Content = new StringContent("""{"currentCpuUsage":{"value":97},"availableRam":{"type":"Property","value":123}}""", Encoding.UTF8, "application/json"),
        };
        Assert.Equal(204, (int)(await orion.Client.SendAsync(patch)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(3)); // other live values move on, patched ones must not
        var (_, after) = await orion.GetJsonAsync($"ngsi-ld/v1/entities/{id}?options=keyValues,sysAttrs");
        Assert.Equal(97, after.GetProperty("currentCpuUsage").GetInt64());
        Assert.Equal(123, after.GetProperty("availableRam").GetInt64());

        var partial = new HttpRequestMessage(HttpMethod.Patch, $"ngsi-ld/v1/entities/{id}/attrs")
        {
            Content = new StringContent("""{"currentCpuUsage":{"value":5},"noSuchAttribute":{"value":1}}""", Encoding.UTF8, "application/json"),
        };
        var multi = await orion.Client.SendAsync(partial);
        Assert.Equal(207, (int)multi.StatusCode);
        using var doc = JsonDocument.Parse(await multi.Content.ReadAsStringAsync());
        Assert.Equal("noSuchAttribute", doc.RootElement.GetProperty("notUpdated")[0].GetProperty("attributeName").GetString());

        var missing = new HttpRequestMessage(HttpMethod.Patch, "ngsi-ld/v1/entities/urn:ngsi-ld:InfrastructureElement:none/attrs")
        {
            Content = new StringContent("""{"currentCpuUsage":{"value":5}}""", Encoding.UTF8, "application/json"),
        };
        await Ngsi.AssertProblemAsync(await orion.Client.SendAsync(missing), 404, "ResourceNotFound");
    }

    [Fact]
    public async Task Merge_patch_keeps_the_unit_code_as_self_awareness_relies_on()
    {
        await using var orion = await OrionFixture.StartAsync(scale: 2);
        var (_, all) = await orion.GetJsonAsync(All);
        var id = Ngsi.Ids(all)[0];
        var merge = new HttpRequestMessage(HttpMethod.Patch, $"ngsi-ld/v1/entities/{id}?local=true")
        {
            Content = new StringContent("""{"currentPowerConsumption":{"value":42}}""", Encoding.UTF8, "application/json"),
        };
        Assert.Equal(204, (int)(await orion.Client.SendAsync(merge)).StatusCode);
        var (_, normalized) = await orion.GetJsonAsync($"ngsi-ld/v1/entities/{id}");
        Assert.Equal(42, normalized.GetProperty("currentPowerConsumption").GetProperty("value").GetInt64());
        Assert.Equal("Watts (W)", normalized.GetProperty("currentPowerConsumption").GetProperty("unitCode").GetString());
    }
}
