using System.Net.Http.Json;
using Safe6G.Simulators.Orion;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class TenantTests
{
    private const string Ies = "ngsi-ld/v1/entities?type=InfrastructureElement&count=true";

    [Fact]
    public async Task Known_tenant_has_its_own_entities_and_unknown_tenant_is_404()
    {
        await using var orion = await OrionFixture.StartAsync(new OrionSimulatorOptions { Scale = 4, Tenants = ["safe6g"] });
        var (_, defaultBody) = await orion.GetJsonAsync(Ies);
        var (tenant, tenantBody) = await orion.GetJsonAsync(Ies, h => h.TryAddWithoutValidation("NGSILD-Tenant", "SAFE6G"));
        Assert.Equal(200, (int)tenant.StatusCode);
        Assert.Equal("safe6g", Ngsi.Header(tenant, "NGSILD-Tenant"));
        Assert.Equal(4, Ngsi.ResultsCount(tenant));
        Assert.Empty(Ngsi.Ids(defaultBody).Intersect(Ngsi.Ids(tenantBody)));

        var (unknown, body) = await orion.GetJsonAsync(Ies, h => h.TryAddWithoutValidation("NGSILD-Tenant", "nobody"));
        await Ngsi.AssertProblemAsync(unknown, 404, "NonExistingTenant", "No such tenant");
        Assert.Equal("nobody", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_creates_a_tenant_and_fiware_service_is_an_alias()
    {
        await using var orion = await OrionFixture.StartAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, "ngsi-ld/v1/entities")
        {
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["id"] = "urn:ngsi-ld:InfrastructureElement:x:1", ["type"] = "InfrastructureElement",
                ["cpuCores"] = new Dictionary<string, object> { ["type"] = "Property", ["value"] = 2 },
            }),
        };
        post.Headers.TryAddWithoutValidation("NGSILD-Tenant", "fresh");
        var created = await orion.Client.SendAsync(post);
        Assert.Equal(201, (int)created.StatusCode);

        var (response, body) = await orion.GetJsonAsync(Ies, h => h.TryAddWithoutValidation("Fiware-Service", "fresh"));
        Assert.Equal(1, Ngsi.ResultsCount(response));
        Assert.Equal("urn:ngsi-ld:InfrastructureElement:x:1", Ngsi.Ids(body).Single());
    }

    [Fact]
    public async Task Without_multiservice_any_tenant_is_refused()
    {
        await using var orion = await OrionFixture.StartAsync(new OrionSimulatorOptions { MultiService = false });
        var (response, _) = await orion.GetJsonAsync(Ies, h => h.TryAddWithoutValidation("NGSILD-Tenant", "x"));
        await Ngsi.AssertProblemAsync(response, 400, "NoMultiTenantSupport", "Tenants not supported");
    }

    [Fact]
    public async Task Invalid_tenant_names_are_400()
    {
        await using var orion = await OrionFixture.StartAsync();
        var (response, _) = await orion.GetJsonAsync(Ies, h => h.TryAddWithoutValidation("NGSILD-Tenant", "a.b"));
        await Ngsi.AssertProblemAsync(response, 400, "BadRequestData");
    }
}
