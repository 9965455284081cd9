using Safe6G.Testing;
using Safe6G.Simulators.Orion;

namespace Safe6G.Simulators.Tests.Orion;

public sealed class FederationTests
{
    private static Task<(OrionFixture Entry, OrionFixture Peer)> StartPairAsync(int entryScale, int peerScale)
        => StartPairAsync(entryScale, peerScale, new ManualClock(ManualClock.DefaultStart));

    private static async Task<(OrionFixture Entry, OrionFixture Peer)> StartPairAsync(int entryScale, int peerScale, ManualClock clock)
    {
        var peer = await OrionFixture.StartAsync(new OrionSimulatorOptions { Domain = "beta", Scale = peerScale, Seed = 3, Clock = clock });
        var entry = await OrionFixture.StartAsync(new OrionSimulatorOptions
        {
            Domain = "alpha", Scale = entryScale, Seed = 3, Clock = clock, Peers = [peer.Sim.BaseAddress],
        });
        return (entry, peer);
    }

    [Fact]
    public async Task Federated_query_returns_both_domains_once_through_the_entity_map()
    {
        var (entry, peer) = await StartPairAsync(1500, 1500);
        await using var _ = entry;
        await using var __ = peer;

        var (first, firstBody) = await entry.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&count=true&limit=1000&format=simplified");
        Assert.Equal(3000, Ngsi.ResultsCount(first));
        var map = Ngsi.Header(first, "NGSILD-EntityMap");
        Assert.False(string.IsNullOrEmpty(map));

        var ids = new HashSet<string>(Ngsi.Ids(firstBody));
        Assert.Equal(1000, ids.Count);
        for (var offset = 1000; offset < 3000; offset += 1000)
        {
            var (page, body) = await entry.GetJsonAsync($"ngsi-ld/v1/entities?limit=1000&offset={offset}&count=true&format=simplified",
                h => h.TryAddWithoutValidation("NGSILD-EntityMap", map));
            Assert.Equal(200, (int)page.StatusCode);
            Assert.Equal(3000, Ngsi.ResultsCount(page));
            foreach (var id in Ngsi.Ids(body)) Assert.True(ids.Add(id), $"duplicate {id}");
        }
        Assert.Equal(3000, ids.Count);
        Assert.Equal(1500, ids.Count(i => i.StartsWith("urn:ngsi-ld:InfrastructureElement:alpha:", StringComparison.Ordinal)));
        Assert.Equal(1500, ids.Count(i => i.StartsWith("urn:ngsi-ld:InfrastructureElement:beta:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Local_true_stays_in_the_domain_without_an_entity_map()
    {
        var (entry, peer) = await StartPairAsync(4, 6);
        await using var _ = entry;
        await using var __ = peer;

        var (local, body) = await entry.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&local=true&count=true");
        Assert.Equal(4, Ngsi.ResultsCount(local));
        Assert.Null(Ngsi.Header(local, "NGSILD-EntityMap"));
        Assert.All(Ngsi.Ids(body), id => Assert.Contains(":alpha:", id, StringComparison.Ordinal));

        var (domains, domainBody) = await entry.GetJsonAsync("ngsi-ld/v1/entities?type=Domain&options=keyValues");
        Assert.Equal(new[] { "urn:ngsi-ld:Domain:alpha", "urn:ngsi-ld:Domain:beta" }, Ngsi.Ids(domainBody).Order(StringComparer.Ordinal));
        Assert.NotNull(Ngsi.Header(domains, "NGSILD-EntityMap"));
    }

    [Fact]
    public async Task Entity_map_pages_refuse_query_parameters_and_unknown_maps()
    {
        var (entry, peer) = await StartPairAsync(2, 2);
        await using var _ = entry;
        await using var __ = peer;
        var (first, _) = await entry.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement");
        var map = Ngsi.Header(first, "NGSILD-EntityMap")!;

        var (withType, _) = await entry.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&offset=2",
            h => h.TryAddWithoutValidation("NGSILD-EntityMap", map));
        await Ngsi.AssertProblemAsync(withType, 400, "BadRequestData", "Query parameters present");

        var (unknown, _) = await entry.GetJsonAsync("ngsi-ld/v1/entities?offset=2",
            h => h.TryAddWithoutValidation("NGSILD-EntityMap", "urn:ngsi-ld:entitymap:nope"));
        await Ngsi.AssertProblemAsync(unknown, 404, "ResourceNotFound");
    }

    [Fact]
    public async Task A_remote_entity_is_retrieved_by_id_unless_local_is_asked()
    {
        var (entry, peer) = await StartPairAsync(2, 2);
        await using var _ = entry;
        await using var __ = peer;
        var (_, remote) = await peer.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&options=keyValues");
        var id = Ngsi.Ids(remote)[0];

        var (found, body) = await entry.GetJsonAsync($"ngsi-ld/v1/entities/{Uri.EscapeDataString(id)}?options=keyValues");
        Assert.Equal(200, (int)found.StatusCode);
        Assert.Equal(remote[0].GetProperty("cpuCores").GetInt64(), body.GetProperty("cpuCores").GetInt64());

        var (local, _) = await entry.GetJsonAsync($"ngsi-ld/v1/entities/{Uri.EscapeDataString(id)}?local=true");
        await Ngsi.AssertProblemAsync(local, 404, "ResourceNotFound", "Entity Not Found");
    }

    [Fact]
    public async Task A_dead_peer_leaves_its_entities_out_but_the_local_ones_are_served()
    {
        var (entry, peer) = await StartPairAsync(3, 3);
        await using var _ = entry;
        await using var __ = peer;
        peer.Sim.Faults.Set(new Safe6G.Simulators.Common.FaultSettings { Down = true });
        var (response, body) = await entry.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&count=true");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(3, Ngsi.ResultsCount(response));
        Assert.Equal(3, body.GetArrayLength());
    }

    [Fact]
    public async Task Types_cover_the_federation()
    {
        var (entry, peer) = await StartPairAsync(2, 2);
        await using var _ = entry;
        await using var __ = peer;
        var (_, body) = await entry.GetJsonAsync("ngsi-ld/v1/types");
        Assert.Equal("EntityTypeList", body.GetProperty("type").GetString());
        var types = body.GetProperty("typeList").EnumerateArray().Select(t => t.GetString()).ToHashSet();
        foreach (var expected in new[] { "Domain", "InfrastructureElement", "LowLevelOrchestrator", "Service", "ServiceComponent",
                     "InfrastructureElementRequirements", "NetworkPort", "ServiceLifecycle", "Organization" })
            Assert.Contains(expected, types);
    }

    [Fact]
    public async Task Remote_entities_keep_kinds_units_and_values_in_every_form()
    {
        var (entry, peer) = await StartPairAsync(1, 3);
        await using var _ = entry;
        await using var __ = peer;
        const string url = "ngsi-ld/v1/entities?type=InfrastructureElement&q=domain==%22urn:ngsi-ld:Domain:beta%22";
        var (_, direct) = await peer.GetJsonAsync(url);
        var (_, federated) = await entry.GetJsonAsync(url);
        Assert.Equal(3, federated.GetArrayLength());
        Assert.Equal(direct.GetRawText(), federated.GetRawText());

        var (_, directKv) = await peer.GetJsonAsync(url + "&options=keyValues");
        var (_, federatedKv) = await entry.GetJsonAsync(url + "&options=keyValues");
        Assert.Equal(directKv.GetRawText(), federatedKv.GetRawText());
    }

    [Fact]
    public async Task Entity_maps_expire()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        var (entry, peer) = await StartPairAsync(2, 2, clock);
        await using var _ = entry;
        await using var __ = peer;
        var (first, _) = await entry.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&limit=1");
        var map = Ngsi.Header(first, "NGSILD-EntityMap")!;
        var (still, _) = await entry.GetJsonAsync("ngsi-ld/v1/entities?offset=1&limit=1", h => h.TryAddWithoutValidation("NGSILD-EntityMap", map));
        Assert.Equal(200, (int)still.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(2));
        var (expired, _) = await entry.GetJsonAsync("ngsi-ld/v1/entities?offset=1&limit=1", h => h.TryAddWithoutValidation("NGSILD-EntityMap", map));
        await Ngsi.AssertProblemAsync(expired, 404, "ResourceNotFound");
    }
}

public sealed class FederatedWriteTests
{
    [Fact]
    public async Task Patch_and_delete_of_a_remote_entity_reach_its_broker()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        await using var peer = await OrionFixture.StartAsync(new OrionSimulatorOptions { Domain = "beta", Scale = 10, Clock = clock });
        await using var entry = await OrionFixture.StartAsync(new OrionSimulatorOptions { Domain = "alpha", Scale = 10, Clock = clock, Peers = [peer.Sim.BaseAddress] });
        var (_, components) = await peer.GetJsonAsync("ngsi-ld/v1/entities?type=ServiceComponent&options=keyValues");
        var id = Ngsi.Ids(components)[0];

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"ngsi-ld/v1/entities/{id}/attrs")
        {
            Content = new StringContent("""{"serviceComponentStatus":{"type":"Relationship","object":"urn:ngsi-ld:ServiceComponentStatus:Migrating"}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        Assert.Equal(204, (int)(await entry.Client.SendAsync(patch)).StatusCode);
        var (_, after) = await peer.GetJsonAsync($"ngsi-ld/v1/entities/{id}?options=keyValues");
        Assert.Equal("urn:ngsi-ld:ServiceComponentStatus:Migrating", after.GetProperty("serviceComponentStatus").GetString());

        Assert.Equal(204, (int)(await entry.Client.DeleteAsync($"ngsi-ld/v1/entities/{id}")).StatusCode);
        var (gone, _) = await peer.GetJsonAsync($"ngsi-ld/v1/entities/{id}");
        await Ngsi.AssertProblemAsync(gone, 404, "ResourceNotFound");

        var (local, _) = await entry.GetJsonAsync("ngsi-ld/v1/entities/urn:ngsi-ld:Nothing:1");
        await Ngsi.AssertProblemAsync(local, 404, "ResourceNotFound");
    }
}

public sealed class MutualFederationTests
{
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Brokers_that_register_each_other_do_not_loop_or_duplicate()
    {
        var (portA, portB) = (FreePort(), FreePort());
        var clock = new ManualClock(ManualClock.DefaultStart);
        await using var a = await OrionSimulator.StartAsync(new OrionSimulatorOptions
        {
            Listen = $"127.0.0.1:{portA}", Domain = "alpha", Scale = 7, Clock = clock, Peers = [new Uri($"http://127.0.0.1:{portB}/")],
        });
        await using var b = await OrionSimulator.StartAsync(new OrionSimulatorOptions
        {
            Listen = $"127.0.0.1:{portB}", Domain = "beta", Scale = 9, Clock = clock, Peers = [new Uri($"http://127.0.0.1:{portA}/")],
        });
        foreach (var sim in new[] { a, b })
        {
            using var client = new HttpClient { BaseAddress = sim.BaseAddress };
            using var response = await client.GetAsync("ngsi-ld/v1/entities?type=InfrastructureElement&count=true&limit=100");
            Assert.Equal(16, Ngsi.ResultsCount(response));
            using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(16, Ngsi.Ids(doc.RootElement).Distinct().Count());
        }
    }
}

public sealed class ThreeDomainTests
{
    [Fact]
    public async Task Three_domains_merge_in_peer_order()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        await using var beta = await OrionFixture.StartAsync(new OrionSimulatorOptions { Domain = "beta", Scale = 4, Clock = clock });
        await using var gamma = await OrionFixture.StartAsync(new OrionSimulatorOptions { Domain = "gamma", Scale = 5, Clock = clock });
        await using var alpha = await OrionFixture.StartAsync(new OrionSimulatorOptions
        {
            Domain = "alpha", Scale = 3, Clock = clock, Peers = [beta.Sim.BaseAddress, gamma.Sim.BaseAddress],
        });
        var (response, body) = await alpha.GetJsonAsync("ngsi-ld/v1/entities?type=InfrastructureElement&count=true&limit=100&attrs=domain&options=keyValues");
        Assert.Equal(12, Ngsi.ResultsCount(response));
        var domains = body.EnumerateArray().Select(e => e.GetProperty("domain").GetString()!).ToList();
        var expected = Enumerable.Repeat("urn:ngsi-ld:Domain:alpha", 3).Concat(Enumerable.Repeat("urn:ngsi-ld:Domain:beta", 4))
            .Concat(Enumerable.Repeat("urn:ngsi-ld:Domain:gamma", 5)).ToList();
        Assert.Equal(expected, domains);
    }
}
