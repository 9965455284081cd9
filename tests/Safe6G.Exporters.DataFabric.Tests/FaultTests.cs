using System.Net;
using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Simulators.Common;

namespace Safe6G.Exporters.DataFabric.Tests;

public sealed class FaultTests
{
    private static async Task<UpstreamException> Fails(RunningSimulator sim, TimeSpan? timeout = null)
    {
        var broker = Brokers.Broker(sim, "upv");
        if (timeout is { } t)
            broker.Timeout = t;
        return await Assert.ThrowsAsync<UpstreamException>(() => Brokers.CollectAsync(broker));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_fail_the_broker_with_the_status(int status)
    {
        await using var sim = await Brokers.StartAsync("upv", 5, faults: new FaultSettings { ErrorRate = 1, ErrorStatus = status });
        var error = await Fails(sim);
        Assert.Equal("http_status", error.Reason);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task Malformed_json_fails_the_broker_as_malformed()
    {
        await using var sim = await Brokers.StartAsync("upv", 30, faults: new FaultSettings { MalformedRate = 1 });
        Assert.Equal("malformed", (await Fails(sim)).Reason);
    }

    [Fact]
    public async Task A_broker_that_drops_connections_fails_as_connect()
    {
        await using var sim = await Brokers.StartAsync("upv", 5, faults: new FaultSettings { Down = true });
        Assert.Equal("connect", (await Fails(sim)).Reason);
    }

    [Fact]
    public async Task A_slow_broker_fails_as_timeout_within_its_timeout()
    {
        await using var sim = await Brokers.StartAsync("upv", 5, faults: new FaultSettings { LatencyMs = 5000 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("timeout", (await Fails(sim, TimeSpan.FromMilliseconds(500))).Reason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Connection_refused_fails_as_connect()
    {
        var broker = new BrokerConfig { Name = "dead", Url = $"http://127.0.0.1:{Testing.FreePort.Tcp()}", Timeout = TimeSpan.FromSeconds(5) };
        var error = await Assert.ThrowsAsync<UpstreamException>(() => Brokers.CollectAsync(broker));
        Assert.Equal("connect", error.Reason);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NotAcceptable)]
    public async Task Client_errors_carry_the_problem_details_title(HttpStatusCode status)
    {
        using var stub = new StubBroker(status, _ => """{"type":"https://uri.etsi.org/ngsi-ld/errors/BadRequestData","title":"Invalid value for URI parameter /limit/","detail":"must be an integer value <= 1000"}""");
        var config = new DataFabricConfig { Brokers = [new BrokerConfig { Name = "stub", Url = "http://stub.invalid" }] };
        using var source = new DataFabricSource(config, Brokers.Context(), stub);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => source.CollectAsync(new ScrapeTarget("http://stub.invalid", Source: "stub"), CancellationToken.None));
        Assert.Equal("http_status", error.Reason);
        Assert.Contains("Invalid value for URI parameter /limit/: must be an integer value <= 1000", error.Message);
    }

    [Fact]
    public async Task Wrong_types_and_missing_attributes_skip_and_count_instead_of_failing()
    {
        using var stub = new StubBroker(HttpStatusCode.OK, type => type switch
        {
            "InfrastructureElement" => """
                [
                  {"id":"urn:ngsi-ld:InfrastructureElement:upv:good","type":"InfrastructureElement","domain":"urn:ngsi-ld:Domain:upv","cpuCores":4,"currentCpuUsage":50},
                  {"id":"urn:ngsi-ld:InfrastructureElement:upv:typo","type":"InfrastructureElement","domain":"urn:ngsi-ld:Domain:upv","cpuCores":"four","currentCpuUsage":{"value":true}},
                  {"id":"urn:ngsi-ld:InfrastructureElement:upv:nodomain","type":"InfrastructureElement","cpuCores":2},
                  {"type":"InfrastructureElement","cpuCores":2},
                  {"id":"urn:ngsi-ld:InfrastructureElement:upv:good","type":"InfrastructureElement","domain":"urn:ngsi-ld:Domain:upv"},
                  42
                ]
                """,
            _ => "[]",
        });
        var config = new DataFabricConfig { Brokers = [new BrokerConfig { Name = "stub", Url = "http://stub.invalid", PageSize = 1000 }] };
        using var source = new DataFabricSource(config, Brokers.Context(), stub);
        var snapshot = await source.CollectAsync(new ScrapeTarget("http://stub.invalid", Source: "stub"), CancellationToken.None);

        var cores = snapshot.Find("datafabric_infrastructure_element_cpu_cores")!.Samples;
        Assert.Equal(4, Assert.Single(cores, s => s.LabelValues[1] == "upv:good").Value);
        Assert.DoesNotContain(cores, s => s.LabelValues[1] == "upv:typo");
        Assert.Equal(0.5, Assert.Single(snapshot.Find("datafabric_infrastructure_element_cpu_usage_ratio")!.Samples).Value);
        Assert.Equal(2, Brokers.LabelValues(snapshot, "datafabric_infrastructure_element_info", "ie").Count());

        var skipped = snapshot.Find("datafabric_entities_skipped")!.Samples.ToDictionary(s => s.LabelValues[2], s => s.Value);
        Assert.Equal(1, skipped["missing_domain"]);
        Assert.Equal(1, skipped["missing_id"]);
        Assert.Equal(1, skipped["duplicate"]);
        Assert.Equal(1, skipped["not_an_object"]);
        var attributes = snapshot.Find("datafabric_attribute_errors")!.Samples.ToDictionary(s => s.LabelValues[2], s => s.Value);
        Assert.Equal(1, attributes["cpuCores"]);
        Assert.Equal(1, attributes["currentCpuUsage"]);
    }

    [Fact]
    public async Task Requests_ask_for_counts_pages_sysattrs_and_local()
    {
        using var stub = new StubBroker(HttpStatusCode.OK, _ => "[]");
        var config = new DataFabricConfig { Brokers = [new BrokerConfig { Name = "stub", Url = "http://stub.invalid", Local = true, EntityTypes = ["Domain"] }] };
        using var source = new DataFabricSource(config, Brokers.Context(), stub);
        await source.CollectAsync(new ScrapeTarget("http://stub.invalid", Source: "stub"), CancellationToken.None);
        var query = Assert.Single(stub.Requests).Query;
        foreach (var part in new[] { "limit=1000", "offset=0", "count=true", "options=sysAttrs", "type=Domain", "local=true", "format=simplified" })
            Assert.Contains(part, query);
    }
}
