using System.Diagnostics;

namespace Safe6G.Snmp.Tests.Integration;

/// <summary>Our client against the real snmpd, value for value against the real net-snmp tools.</summary>
[Collection("snmpd")]
public sealed class SnmpdIntegrationTests(SnmpdFixture f)
{
    private static readonly Oid Baicells = Oid.Parse("1.3.6.1.4.1.53058");
    private static readonly Oid SmallSubtree = Oid.Parse("1.3.6.1.4.1.53058.300");
    private static readonly Oid Scalars = Oid.Parse("1.3.6.1.4.1.53058.100");

    private static readonly string[] GetOids =
    [
        "1.3.6.1.4.1.53058.100.1.0", "1.3.6.1.4.1.53058.100.6.0", "1.3.6.1.4.1.53058.100.11.1.0",
        "1.3.6.1.4.1.53058.140.100.6.0", "1.3.6.1.4.1.53058.140.100.7.0", "1.3.6.1.4.1.53058.120.1.0",
        "1.3.6.1.4.1.53058.200.1.0", "1.3.6.1.4.1.53058.200.2.0", "1.3.6.1.4.1.53058.200.3.0",
        "1.3.6.1.4.1.53058.200.4.0", "1.3.6.1.4.1.53058.200.5.0", "1.3.6.1.4.1.53058.200.6.0",
        "1.3.6.1.4.1.53058.200.7.0", "1.3.6.1.4.1.53058.200.8.0", "1.3.6.1.4.1.53058.200.9.0",
        "1.3.6.1.4.1.53058.200.10.0", "1.3.6.1.4.1.53058.200.11.0", "1.3.6.1.4.1.53058.200.12.0",
        "1.3.6.1.4.1.53058.300.1.1.5.3", "1.3.6.1.4.1.53058.100.99.0", "1.3.6.1.4.1.53058.999.0",
        "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.4.0",
    ];

    private static SnmpClient NewClient(int timeoutMs = 3000, int retries = 1) =>
        new(new SnmpClientOptions { Timeout = TimeSpan.FromMilliseconds(timeoutMs), Retries = retries });

    private static void AssertSame(List<(string Oid, string Value)> expected, IReadOnlyList<VarBind> actual)
    {
        var ours = actual.Select(vb => (vb.Oid.ToString(), NetSnmpTool.Render(vb.Value))).ToList();
        Assert.Equal(expected.Count, ours.Count);
        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], ours[i]);
    }

    public static TheoryData<string> AllV3Users() => new(SnmpdFixture.Users.Select(u => u.User));

    [Fact]
    public async Task V2c_get_of_every_type_matches_snmpget()
    {
        using var client = NewClient();
        var ours = await client.GetAsync(f.V2cTarget(), GetOids.Select(Oid.Parse));
        var real = await NetSnmpTool.RunAsync(f, "snmpget", new[] { "-v2c", "-c", SnmpdFixture.Community, "-On", "-Ot", f.Address }.Concat(GetOids));
        Assert.Equal(0, real.ExitCode);
        AssertSame(real.Lines, ours);
        // a few typed checks on top of the rendering
        Assert.Equal(ulong.MaxValue, ours[8].Value.AsUInt64());
        Assert.Equal(uint.MaxValue, ours[7].Value.AsUInt32());
        Assert.Equal("gNB Lab \"north\" \\ sector", ours[4].Value.AsString());
        Assert.Equal(int.MinValue, ours[13].Value.AsInt32());
        Assert.Equal(SnmpType.NoSuchInstance, ours[19].Value.Type);
    }

    [Theory]
    [MemberData(nameof(AllV3Users))]
    public async Task V3_get_matches_snmpget(string user)
    {
        using var client = NewClient();
        var ours = await client.GetAsync(f.V3Target(user), GetOids.Select(Oid.Parse));
        var real = await NetSnmpTool.RunAsync(f, "snmpget", SnmpdFixture.NetSnmpV3Args(user).Concat(["-On", "-Ot", f.Address]).Concat(GetOids));
        Assert.True(real.ExitCode == 0, real.StdErr);
        AssertSame(real.Lines, ours);
    }

    [Fact]
    public async Task V2c_bulkwalk_of_the_whole_enterprise_subtree_matches_snmpbulkwalk()
    {
        using var client = NewClient();
        var stats = new SnmpStats();
        var ours = await client.WalkAsync(f.V2cTarget(), Baicells, stats);
        var real = await NetSnmpTool.RunAsync(f, "snmpbulkwalk", ["-v2c", "-c", SnmpdFixture.Community, "-On", "-Ot", "-Cr25", f.Address, "." + Baicells]);
        Assert.Equal(0, real.ExitCode);
        Assert.True(ours.Count > 4 * SnmpdFixture.BenchRows);
        AssertSame(real.Lines, ours);
        Assert.Equal(ours.Count, stats.VarBindsReturned);
        Assert.True(stats.PacketsSent >= ours.Count / 25);
    }

    [Fact]
    public async Task V1_walk_uses_getnext_and_matches_snmpwalk()
    {
        using var client = NewClient();
        var stats = new SnmpStats();
        var ours = await client.WalkAsync(f.V1Target(), Scalars, stats);
        var real = await NetSnmpTool.RunAsync(f, "snmpwalk", ["-v1", "-c", SnmpdFixture.Community, "-On", "-Ot", f.Address, "." + Scalars]);
        Assert.Equal(0, real.ExitCode);
        AssertSame(real.Lines, ours);
        Assert.Equal(ours.Count + 1, stats.PacketsSent); // one GETNEXT per varbind, plus the one that leaves the subtree
    }

    [Fact]
    public async Task V1_get_of_a_missing_oid_gives_noSuchObject_and_keeps_the_others()
    {
        using var client = NewClient();
        var ours = await client.GetAsync(f.V1Target(), [Oid.Parse("1.3.6.1.4.1.53058.100.1.0"), Oid.Parse("1.3.6.1.4.1.53058.100.99.0"), Oid.Parse("1.3.6.1.4.1.53058.100.6.0")]);
        Assert.Equal("mBS31001", ours[0].Value.AsString());
        Assert.Equal(SnmpType.NoSuchObject, ours[1].Value.Type);
        Assert.Equal(48, ours[2].Value.AsInt32());
    }

    [Theory]
    [MemberData(nameof(AllV3Users))]
    public async Task V3_bulkwalk_matches_snmpbulkwalk(string user)
    {
        using var client = NewClient();
        var root = user is "usha" or "usha256" ? Baicells : SmallSubtree;
        var ours = await client.WalkAsync(f.V3Target(user), root);
        var real = await NetSnmpTool.RunAsync(f, "snmpbulkwalk", SnmpdFixture.NetSnmpV3Args(user).Concat(["-On", "-Ot", "-Cr25", f.Address, "." + root]));
        Assert.True(real.ExitCode == 0, real.StdErr);
        Assert.NotEmpty(ours);
        AssertSame(real.Lines, ours);
    }

    [Fact]
    public async Task GetNext_and_GetBulk_match_snmpgetnext_and_snmpbulkget()
    {
        using var client = NewClient();
        var t = f.V3Target("usha256");
        var oids = new[] { "1.3.6.1.4.1.53058.100.1.0", "1.3.6.1.4.1.53058.300.1.1.2" };
        var next = await client.GetNextAsync(t, oids.Select(Oid.Parse));
        var realNext = await NetSnmpTool.RunAsync(f, "snmpgetnext", SnmpdFixture.NetSnmpV3Args("usha256").Concat(["-On", "-Ot", f.Address]).Concat(oids));
        AssertSame(realNext.Lines, next);

        var bulk = await client.GetBulkAsync(f.V2cTarget(), 1, 7, oids.Select(Oid.Parse));
        var realBulk = await NetSnmpTool.RunAsync(f, "snmpbulkget", new[] { "-v2c", "-c", SnmpdFixture.Community, "-On", "-Ot", "-Cn1", "-Cr7", f.Address }.Concat(oids));
        Assert.Equal(8, bulk.Count);
        AssertSame(realBulk.Lines, bulk);
    }

    [Fact]
    public async Task Walk_of_a_scalar_root_falls_back_to_get_like_snmpwalk()
    {
        using var client = NewClient();
        var root = Oid.Parse("1.3.6.1.4.1.53058.100.6.0");
        var ours = await client.WalkAsync(f.V2cTarget(), root);
        var real = await NetSnmpTool.RunAsync(f, "snmpbulkwalk", ["-v2c", "-c", SnmpdFixture.Community, "-On", "-Ot", f.Address, "." + root]);
        AssertSame(real.Lines, ours);
        Assert.Single(ours);
    }

    [Fact]
    public async Task Opaque_float_from_ucd_laLoadFloat_decodes_like_net_snmp()
    {
        using var client = NewClient();
        var vb = await client.GetAsync(f.V2cTarget(), Oid.Parse("1.3.6.1.4.1.2021.10.1.6.1"));
        Assert.Equal(SnmpType.OpaqueFloat, vb.Value.Type);
        Assert.InRange(vb.Value.AsFloat(), 0f, 10_000f);
        Assert.True(vb.Value.TryGetDouble(out _));
        var real = await NetSnmpTool.RunAsync(f, "snmpget", ["-v2c", "-c", SnmpdFixture.Community, "-On", f.Address, ".1.3.6.1.4.1.2021.10.1.6.1"]);
        Assert.StartsWith("Opaque: Float: ", real.Lines.Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V3_discovery_learns_the_engineID_that_the_agent_reports_as_snmpEngineID()
    {
        using var client = NewClient();
        var t = f.V3Target("usha");
        var engine = await client.DiscoverEngineAsync(t);
        Assert.NotEmpty(engine.EngineId);
        Assert.True(engine.Boots >= 1);
        var vb = await client.GetAsync(t, Oid.Parse("1.3.6.1.6.3.10.2.1.1.0")); // snmpEngineID
        Assert.Equal(engine.EngineId, vb.Value.AsBytes().ToArray());
    }

    [Fact]
    public async Task V3_not_in_time_window_resyncs_and_retries_once()
    {
        using var client = NewClient();
        var t = f.V3Target("usha256");
        var real = await client.DiscoverEngineAsync(t);
        // pretend we believe the agent rebooted far in the past, with a time way off
        client.SeedEngine(f.EndPoint, real with { Boots = Math.Max(1, real.Boots - 1), Time = real.Time + 100_000 });
        var stats = new SnmpStats();
        var vb = await client.GetAsync(t, Oid.Parse("1.3.6.1.4.1.53058.100.1.0"), stats);
        Assert.Equal("mBS31001", vb.Value.AsString());
        Assert.Equal(2, stats.PacketsSent); // the rejected request and the resynchronised one
        Assert.Equal(real.Boots, client.GetCachedEngine(f.EndPoint)!.Boots);
    }

    [Fact]
    public async Task V3_unknown_engine_id_rediscovers()
    {
        using var client = NewClient();
        var t = f.V3Target("usha");
        var real = await client.DiscoverEngineAsync(t);
        client.SeedEngine(f.EndPoint, real with { EngineId = [0x80, 0, 0x1f, 0x88, 0x04, 1, 2, 3, 4] });
        var vb = await client.GetAsync(t, Oid.Parse("1.3.6.1.4.1.53058.100.6.0"));
        Assert.Equal(48, vb.Value.AsInt32());
        Assert.Equal(real.EngineId, client.GetCachedEngine(f.EndPoint)!.EngineId);
    }

    [Fact]
    public async Task Wrong_community_times_out()
    {
        using var client = NewClient(timeoutMs: 300, retries: 1);
        var sw = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync(f.V2cTarget("not-the-community"), Oid.Parse("1.3.6.1.4.1.53058.100.1.0")));
        Assert.Equal(2, e.Attempts);
        Assert.InRange(sw.Elapsed.TotalSeconds, 0.55, 3);
        Assert.Contains("no response", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_auth_password_is_an_authentication_failure()
    {
        using var client = NewClient();
        var t = new SnmpTarget(f.EndPoint, new UsmCredentials("usha", SnmpAuthProtocol.Sha1, "wrongPassword", SnmpPrivProtocol.Aes128, "shaPrivPass1"));
        var e = await Assert.ThrowsAsync<SnmpAuthenticationException>(() => client.GetAsync(t, Oid.Parse("1.3.6.1.4.1.53058.100.1.0")));
        Assert.Equal(UsmError.WrongDigest, e.Error);
        Assert.Contains("authentication failure (wrong password?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_auth_protocol_is_an_authentication_failure_too()
    {
        using var client = NewClient();
        var t = new SnmpTarget(f.EndPoint, new UsmCredentials("usha256", SnmpAuthProtocol.Sha1, "sha256Auth1", SnmpPrivProtocol.Aes256, "sha256Priv1"));
        var e = await Assert.ThrowsAsync<SnmpAuthenticationException>(() => client.GetAsync(t, Oid.Parse("1.3.6.1.4.1.53058.100.1.0")));
        Assert.Equal(UsmError.WrongDigest, e.Error);
    }

    [Fact]
    public async Task Unknown_user_is_reported_as_such()
    {
        using var client = NewClient();
        var t = new SnmpTarget(f.EndPoint, new UsmCredentials("nobody", SnmpAuthProtocol.Sha256, "whatever123", SnmpPrivProtocol.Aes128, "whatever123"));
        var e = await Assert.ThrowsAsync<SnmpUnknownUserException>(() => client.GetAsync(t, Oid.Parse("1.3.6.1.4.1.53058.100.1.0")));
        Assert.Equal(UsmError.UnknownUserName, e.Error);
        Assert.Contains("unknown user 'nobody'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lower_security_level_than_the_user_needs_is_an_authorization_error()
    {
        using var client = NewClient();
        var t = new SnmpTarget(f.EndPoint, new UsmCredentials("usha", SnmpAuthProtocol.Sha1, "shaAuthPass1"));
        var e = await Assert.ThrowsAsync<SnmpAuthorizationException>(() => client.GetAsync(t, Oid.Parse("1.3.6.1.4.1.53058.100.1.0")));
        Assert.Equal(SnmpErrorStatus.AuthorizationError, e.Status);
        Assert.Contains("security level", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Priv_for_a_user_without_privacy_is_an_unsupported_security_level()
    {
        using var client = NewClient();
        var t = new SnmpTarget(f.EndPoint, new UsmCredentials("usha384", SnmpAuthProtocol.Sha384, "sha384Auth1", SnmpPrivProtocol.Aes128, "anything12"));
        await Assert.ThrowsAsync<SnmpUnsupportedSecurityLevelException>(() => client.GetAsync(t, Oid.Parse("1.3.6.1.4.1.53058.100.1.0")));
    }

    [Fact]
    public async Task Wrong_priv_password_times_out_because_snmpd_drops_undecryptable_requests()
    {
        // net-snmp's snmpget gives "Timeout: No Response" here too: snmpd sends no report.
        using var client = NewClient(timeoutMs: 300, retries: 0);
        var t = new SnmpTarget(f.EndPoint, new UsmCredentials("usha", SnmpAuthProtocol.Sha1, "shaAuthPass1", SnmpPrivProtocol.Aes128, "wrongPriv11"));
        await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync(t, Oid.Parse("1.3.6.1.4.1.53058.100.1.0")));
    }

    [Fact]
    public async Task Dead_port_times_out_within_the_configured_time()
    {
        int dead;
        using (var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp))
        {
            s.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            dead = ((System.Net.IPEndPoint)s.LocalEndPoint!).Port;
        }
        using var client = NewClient(timeoutMs: 400, retries: 2);
        var sw = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<SnmpTimeoutException>(() =>
            client.WalkAsync(new SnmpTarget(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, dead), new CommunityCredentials("public")), Baicells));
        Assert.True(sw.Elapsed < TimeSpan.FromMilliseconds(3 * 400 + 500), $"took {sw.Elapsed}");
        Assert.Equal(3, e.Attempts);
        Assert.True(e.PortUnreachable);
    }

    [Fact]
    public async Task One_client_serves_many_concurrent_operations_on_v2c_and_v3()
    {
        using var client = new SnmpClient(new SnmpClientOptions { Timeout = TimeSpan.FromSeconds(5), Retries = 1, MaxConcurrentOperations = 16 });
        var targets = new[] { f.V2cTarget(), f.V3Target("usha"), f.V3Target("usha256"), f.V3Target("umd5"), f.V1Target() };
        var expected = new List<IReadOnlyList<VarBind>>();
        foreach (var t in targets) expected.Add(await client.WalkAsync(t, SmallSubtree));
        Assert.Equal(expected[0], expected[1]);
        Assert.True(expected[4].Count < expected[0].Count); // v1 has no Counter64: snmpd skips those
        var tasks = Enumerable.Range(0, 60).Select(i => client.WalkAsync(targets[i % targets.Length], SmallSubtree)).ToArray();
        var all = await Task.WhenAll(tasks);
        for (int i = 0; i < all.Length; i++) Assert.Equal(expected[i % targets.Length], all[i]);
    }

    [Fact]
    public async Task Cancellation_is_honoured_while_waiting_for_a_response()
    {
        using var client = NewClient(timeoutMs: 5000, retries: 3);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var sw = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(f.V2cTarget("wrong"), Oid.Parse("1.3.6.1.4.1.53058.100.1.0"), ct: cts.Token));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2));
    }
}
