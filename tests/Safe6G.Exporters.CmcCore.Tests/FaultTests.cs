using System.Net;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Simulators.Common;

namespace Safe6G.Exporters.CmcCore.Tests;

public sealed class FaultTests
{
    private static async Task<UpstreamException> Fails(RunningSimulator sim, TimeSpan? timeout = null)
    {
        var core = Cores.Core(sim);
        if (timeout is { } t)
            core.Timeout = t;
        return await Assert.ThrowsAsync<UpstreamException>(() => Cores.CollectAsync(core));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_fail_the_core_with_the_status(int status)
    {
        await using var sim = await Cores.StartAsync(5, faults: new FaultSettings { ErrorRate = 1, ErrorStatus = status });
        var error = await Fails(sim);
        Assert.Equal("http_status", error.Reason);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task Malformed_json_fails_as_malformed()
    {
        await using var sim = await Cores.StartAsync(30, faults: new FaultSettings { MalformedRate = 1 });
        Assert.Equal("malformed", (await Fails(sim)).Reason);
    }

    [Fact]
    public async Task A_core_that_drops_connections_fails_as_connect()
    {
        await using var sim = await Cores.StartAsync(5, faults: new FaultSettings { Down = true });
        Assert.Equal("connect", (await Fails(sim)).Reason);
    }

    [Fact]
    public async Task Connection_refused_fails_as_connect()
    {
        var core = new CoreConfig { Name = "dead", Url = $"http://127.0.0.1:{Testing.FreePort.Tcp()}/api/v1.0" };
        Assert.Equal("connect", (await Assert.ThrowsAsync<UpstreamException>(() => Cores.CollectAsync(core))).Reason);
    }

    [Fact]
    public async Task A_slow_core_fails_as_timeout_within_its_timeout()
    {
        await using var sim = await Cores.StartAsync(5, faults: new FaultSettings { LatencyMs = 5000 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("timeout", (await Fails(sim, TimeSpan.FromMilliseconds(300))).Reason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_missing_token_fails_as_auth_and_the_configured_token_passes()
    {
        await using var sim = await Cores.StartAsync(5, auth: new AuthSettings { StaticTokens = ["t0k3n"] });
        Assert.Equal("auth", (await Fails(sim)).Reason);
        var core = Cores.Core(sim);
        core.Auth = new Sdk.Http.HttpAuthSettings { BearerToken = "t0k3n" };
        Assert.Equal(5, Assert.Single((await Cores.CollectAsync(core)).Find("cmc_subscribers")!.Samples).Value);
    }

    [Fact]
    public async Task A_list_endpoint_answering_an_object_fails_as_malformed()
    {
        using var stub = StubCnc.With(new() { ["slice-instance"] = """{"message":"ok"}""" });
        var core = new CoreConfig { Name = "stub", Url = "http://stub.invalid/api/v1.0" };
        var error = await Assert.ThrowsAsync<UpstreamException>(() => Cores.CollectAsync(core, handler: stub));
        Assert.Equal("malformed", error.Reason);
        Assert.Contains("slices", error.Message);
    }

    [Fact]
    public async Task Wrong_types_skip_the_record_and_count_it()
    {
        using var stub = StubCnc.With(new()
        {
            ["slice-instance"] = """
                {"Data":[
                  {"sliceName":"good","serviceProfile":{"sNSSAIList":[{"sst":1,"sd":1}]}},
                  {"sliceName":"nosnssai","serviceProfile":{}},
                  {"serviceProfile":{"sNSSAIList":[{"sst":2}]}},
                  "text",
                  {"sliceName":"strings","ServiceProfile":{"sNSSAIList":[{"sst":"2","sd":"ABCDEF"}]}}
                ]}
                """,
            ["report-type=ue-usage"] = """
                {"ues":[
                  {"imsi":"imsi-001010000000001","total_uplink_bytes":10,"total_downlink_bytes":20},
                  {"imsi":"imsi-001010000000002","total_uplink_bytes":"lots","total_downlink_bytes":20},
                  {"imsi":"imsi-001010000000003","total_uplink_bytes":-5,"total_downlink_bytes":20},
                  {"total_uplink_bytes":1,"total_downlink_bytes":2}
                ]}
                """,
            ["total-count"] = """{"count":"many"}""",
        });
        var core = new CoreConfig { Name = "stub", Url = "http://stub.invalid/api/v1.0" };
        var snapshot = await Cores.CollectAsync(core, handler: stub);

        var slices = snapshot.Find("cmc_slice_info")!.Samples;
        Assert.Equal(2, slices.Count);
        Assert.Contains(slices, s => s.LabelValues[1] == "good" && s.LabelValues[3] == "000001");
        Assert.Contains(slices, s => s.LabelValues[1] == "strings" && s.LabelValues[2] == "2" && s.LabelValues[3] == "abcdef");
        Assert.Equal(10, Assert.Single(snapshot.Find("cmc_ue_uplink_bytes_total")!.Samples).Value);

        var skipped = snapshot.Find("cmc_records_skipped")!.Samples.ToDictionary(s => $"{s.LabelValues[1]}/{s.LabelValues[2]}", s => s.Value);
        Assert.Equal(1, skipped["slices/missing_snssai"]);
        Assert.Equal(1, skipped["slices/missing_name"]);
        Assert.Equal(1, skipped["slices/not_an_object"]);
        Assert.Equal(2, skipped["ue_usage/bad_bytes"]);
        Assert.Equal(1, skipped["ue_usage/missing_imsi"]);
        Assert.Equal(1, skipped["subscriber_count/missing_count"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "http_status")]
    [InlineData(HttpStatusCode.Unauthorized, "auth")]
    [InlineData(HttpStatusCode.Forbidden, "auth")]
    public async Task Client_errors_are_reported_with_the_body(HttpStatusCode status, string reason)
    {
        using var stub = new StubCnc(_ => (status, """{"error":"no such route"}"""));
        var core = new CoreConfig { Name = "stub", Url = "http://stub.invalid/api/v1.0" };
        var error = await Assert.ThrowsAsync<UpstreamException>(() => Cores.CollectAsync(core, handler: stub));
        Assert.Equal(reason, error.Reason);
        Assert.Contains("no such route", error.Message);
    }
}
