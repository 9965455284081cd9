using Safe6G.Testing;
using System.Net;
using System.Text;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Metaverse.Tests;

public sealed class SourceTests
{
    /// <summary>Answers /status and /sessions with canned bodies.</summary>
    private sealed class Stub(string status, string sessions, HttpStatusCode code = HttpStatusCode.OK) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(code)
            {
                Content = new StringContent(request.RequestUri!.AbsolutePath.EndsWith("status", StringComparison.Ordinal) ? status : sessions, Encoding.UTF8, "application/json"),
            });
    }

    [Fact]
    public async Task Sessions_users_headsets_and_stream_quality_come_out_in_base_units()
    {
        await using var sim = await Managers.StartAsync(30);
        var snapshot = await Managers.CollectAsync(Managers.Manager(sim));

        var sessions = snapshot.Find("metaverse_session_info")!.Samples;
        Assert.InRange(sessions.Count, 15, 30); // about a fifth of the slots are idle in any minute
        Assert.Equal(sessions.Count, snapshot.Find("metaverse_sessions")!.Samples.Sum(s => s.Value));
        Assert.InRange(Assert.Single(snapshot.Find("metaverse_rooms")!.Samples).Value, 1, 10);
        Assert.All(snapshot.Find("metaverse_session_frame_rate_hertz")!.Samples, s => Assert.InRange(s.Value, 55, 95));
        Assert.All(snapshot.Find("metaverse_session_latency_seconds")!.Samples, s => Assert.InRange(s.Value, 0.010, 0.080));
        Assert.All(snapshot.Find("metaverse_session_packet_loss_ratio")!.Samples, s => Assert.InRange(s.Value, 0, 0.03));
        Assert.All(snapshot.Find("metaverse_session_downlink_bytes_per_second")!.Samples, s => Assert.True(s.Value >= 8000 * 1000 / 8 * 0.5));
        var users = snapshot.Find("metaverse_session_users")!.Samples.Sum(s => s.Value);
        var headsets = snapshot.Find("metaverse_session_headsets")!.Samples.Sum(s => s.Value);
        Assert.Equal(users, Assert.Single(snapshot.Find("metaverse_users")!.Samples).Value);
        Assert.InRange(headsets, 1, users);
        Assert.Single(snapshot.Find("metaverse_service_status")!.Samples, s => s.Value == 1);
        Assert.Equal(4, snapshot.Find("metaverse_component_status")!.Samples.Count(s => s.Value == 1));
    }

    [Fact]
    public async Task Values_move_with_time()
    {
        var clock = new ManualClock(Managers.Start);
        await using var sim = await Managers.StartAsync(12, clock);
        var manager = Managers.Manager(sim);
        var before = (await Managers.CollectAsync(manager)).Find("metaverse_session_latency_seconds")!.Samples.Sum(s => s.Value);
        clock.Advance(TimeSpan.FromMinutes(3));
        var after = (await Managers.CollectAsync(manager)).Find("metaverse_session_latency_seconds")!.Samples.Sum(s => s.Value);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task A_remapped_api_is_read_through_the_configured_field_paths_and_units()
    {
        using var stub = new Stub("""{"health":{"state":"Degraded"},"build":"2.0"}""",
            """{"data":{"rooms":[{"id":"r1","space":"lobby","kind":"meeting","phase":"running","players":4,"hmds":2,"video":{"fps":"60","lat":0.05},"net":{"up":2,"down":40,"loss":0.01}}]}}""");
        var manager = new ManagerConfig
        {
            Name = "other",
            Url = "http://stub.invalid/api",
            Fields = new FieldMap
            {
                SessionList = "data.rooms", SessionId = "id", Room = "space", Application = "kind", State = "phase", Users = "players", Headsets = "hmds",
                FrameRate = "video.fps", Latency = "video.lat", UplinkBitrate = "net.up", DownlinkBitrate = "net.down", PacketLoss = "net.loss",
                ServiceStatus = "health.state", Version = "build", Components = "",
            },
            Units = new UnitSettings { Latency = "s", Bitrate = "mbps", PacketLoss = "ratio" },
        };
        var snapshot = await Managers.CollectAsync(manager, stub);
        Assert.Equal(["other", "r1", "lobby", "meeting", "running"], Assert.Single(snapshot.Find("metaverse_session_info")!.Samples).LabelValues);
        Assert.Equal(60, Assert.Single(snapshot.Find("metaverse_session_frame_rate_hertz")!.Samples).Value);
        Assert.Equal(0.05, Assert.Single(snapshot.Find("metaverse_session_latency_seconds")!.Samples).Value);
        Assert.Equal(40e6 / 8, Assert.Single(snapshot.Find("metaverse_session_downlink_bytes_per_second")!.Samples).Value);
        Assert.Equal(0.01, Assert.Single(snapshot.Find("metaverse_session_packet_loss_ratio")!.Samples).Value);
        var status = Assert.Single(snapshot.Find("metaverse_service_status")!.Samples, s => s.Value == 1);
        Assert.Equal("degraded", status.LabelValues[1]);
    }

    [Fact]
    public async Task Wrong_types_are_skipped_and_counted_per_field()
    {
        using var stub = new Stub("""{"status":"operational"}""", """
            {"sessions":[
              {"sessionId":"ok","room":"a","users":{"connected":3,"headsets":1},"stream":{"fps":72}},
              {"sessionId":"bad","room":"a","users":{"connected":"three","headsets":-1},"stream":{"fps":{"v":1}}},
              {"room":"noid"},
              7
            ]}
            """);
        var manager = new ManagerConfig { Name = "stub", Url = "http://stub.invalid/api/v1" };
        var snapshot = await Managers.CollectAsync(manager, stub);
        Assert.Equal(2, snapshot.Find("metaverse_session_info")!.Samples.Count);
        Assert.Equal(3, Assert.Single(snapshot.Find("metaverse_session_users")!.Samples).Value);
        var fields = snapshot.Find("metaverse_field_errors")!.Samples.ToDictionary(s => s.LabelValues[1], s => s.Value);
        Assert.Equal(1, fields["users"]);
        Assert.Equal(1, fields["headsets"]);
        Assert.Equal(1, fields["frame_rate"]);
        var skipped = snapshot.Find("metaverse_sessions_skipped")!.Samples.ToDictionary(s => s.LabelValues[1], s => s.Value);
        Assert.Equal(1, skipped["missing_id"]);
        Assert.Equal(1, skipped["not_an_object"]);
    }

    [Fact]
    public async Task A_sessions_answer_without_the_list_fails_as_malformed()
    {
        using var stub = new Stub("""{"status":"operational"}""", """{"items":[]}""");
        var error = await Assert.ThrowsAsync<UpstreamException>(() => Managers.CollectAsync(new ManagerConfig { Name = "stub", Url = "http://stub.invalid/api/v1" }, stub));
        Assert.Equal("malformed", error.Reason);
        Assert.Contains("fields.session_list", error.Message);
    }

    [Fact]
    public async Task Per_session_series_are_bounded_by_max_sessions()
    {
        await using var sim = await Managers.StartAsync(60);
        var manager = Managers.Manager(sim);
        manager.MaxSessions = 5;
        var snapshot = await Managers.CollectAsync(manager);
        Assert.Equal(5, snapshot.Find("metaverse_session_info")!.Samples.Count);
        var total = snapshot.Find("metaverse_sessions")!.Samples.Sum(s => s.Value);
        Assert.Equal(total - 5, Assert.Single(snapshot.Find("metaverse_sessions_omitted")!.Samples).Value);
    }
}
