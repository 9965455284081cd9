namespace Safe6G.Exporters.DataFabric.Tests;

public sealed class PaginationAndFederationTests
{
    [Fact]
    public async Task Two_domains_of_1500_ies_through_a_federated_broker_give_every_ie_exactly_once()
    {
        await using var ncsrd = await Brokers.StartAsync("ncsrd", 1500);
        await using var upv = await Brokers.StartAsync("upv", 1500, peers: [ncsrd.BaseAddress]);

        var snapshot = await Brokers.CollectAsync(Brokers.Broker(upv, "continuum", local: false));

        var ies = Brokers.LabelValues(snapshot, "datafabric_infrastructure_element_info", "ie").ToList();
        Assert.Equal(3000, ies.Count);
        Assert.Equal(3000, ies.Distinct(StringComparer.Ordinal).Count());
        var domains = Brokers.LabelValues(snapshot, "datafabric_infrastructure_element_info", "domain").GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1500, domains["upv"]);
        Assert.Equal(1500, domains["ncsrd"]);
        // 1000 per page: the entity map had to be followed for the later pages.
        var pages = snapshot.Find("datafabric_broker_pages")!.Samples.Single(s => s.LabelValues[1] == "InfrastructureElement").Value;
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Small_pages_are_followed_to_the_announced_count()
    {
        await using var upv = await Brokers.StartAsync("upv", 47);
        var snapshot = await Brokers.CollectAsync(Brokers.Broker(upv, "upv", pageSize: 7));
        Assert.Equal(47, Brokers.LabelValues(snapshot, "datafabric_infrastructure_element_info", "ie").Distinct().Count());
        var pages = snapshot.Find("datafabric_broker_pages")!.Samples.Single(s => s.LabelValues[1] == "InfrastructureElement").Value;
        Assert.Equal(7, pages);
    }

    [Fact]
    public async Task Local_brokers_report_only_their_own_domain()
    {
        await using var ncsrd = await Brokers.StartAsync("ncsrd", 10);
        await using var upv = await Brokers.StartAsync("upv", 12, peers: [ncsrd.BaseAddress]);
        var snapshot = await Brokers.CollectAsync(Brokers.Broker(upv, "upv", local: true));
        Assert.All(Brokers.LabelValues(snapshot, "datafabric_infrastructure_element_info", "domain"), d => Assert.Equal("upv", d));
        Assert.Equal(12, snapshot.Find("datafabric_infrastructure_element_info")!.Samples.Count);
    }
}
