using System.Diagnostics;

namespace Safe6G.Snmp.Tests;

/// <summary>Client behaviour against a scripted agent: matching, retries, tooBig, walk guards, limits.</summary>
public sealed class ClientBehaviourTests
{
    private static readonly Oid Root = Oid.Parse("1.3.6.1.4.1.53058.900");

    private static SnmpClient Client(int timeoutMs = 1000, int retries = 2, int maxConcurrent = 64, bool allowNonIncreasing = false, int maxWalk = 1_000_000) =>
        new(new SnmpClientOptions
        {
            Timeout = TimeSpan.FromMilliseconds(timeoutMs), Retries = retries, MaxConcurrentOperations = maxConcurrent,
            AllowNonIncreasingOids = allowNonIncreasing, MaxWalkVarBinds = maxWalk,
        });

    [Fact]
    public async Task Stray_and_garbage_datagrams_are_ignored_until_the_matching_response()
    {
        using var agent = new FakeAgent(req =>
        [
            FakeAgent.Response(req, [new VarBind(req.Pdu.VarBinds[0].Oid, SnmpValue.Integer(666))], requestId: req.Pdu.RequestId + 1),
            [0x30, 0x03, 0x02, 0x01],                                   // truncated garbage
            SnmpMessageCodec.EncodeCommunity(req.Version, "other"u8, new SnmpPdu(PduType.Response, req.Pdu.RequestId, 0, 0, [new VarBind(req.Pdu.VarBinds[0].Oid, SnmpValue.Integer(667))])),
            FakeAgent.Response(req, [new VarBind(req.Pdu.VarBinds[0].Oid, SnmpValue.Integer(42))]),
        ]);
        using var client = Client();
        var stats = new SnmpStats();
        var vb = await client.GetAsync(agent.Target(), Root.Append(1), stats);
        Assert.Equal(42, vb.Value.AsInt32());
        Assert.Equal(3, stats.StrayPackets);
        Assert.Equal(1, stats.PacketsSent);
    }

    [Fact]
    public async Task Lost_requests_are_retried_with_a_per_attempt_timeout()
    {
        int seen = 0;
        using var agent = new FakeAgent(req => Interlocked.Increment(ref seen) < 3 ? [] : [FakeAgent.Response(req, [new VarBind(req.Pdu.VarBinds[0].Oid, SnmpValue.Gauge32(7))])]);
        using var client = Client(timeoutMs: 200, retries: 2);
        var stats = new SnmpStats();
        var sw = Stopwatch.StartNew();
        var vb = await client.GetAsync(agent.Target(), Root.Append(1), stats);
        Assert.Equal(7u, vb.Value.AsUInt32());
        Assert.Equal(3, stats.PacketsSent);
        Assert.Equal(2, stats.PacketsRetried);
        Assert.InRange(sw.Elapsed.TotalMilliseconds, 390, 2000);
        // retries reuse the request-id, so a late answer to an earlier attempt is still accepted
        Assert.Single(agent.Requests.Select(r => r.RequestId).Distinct());
    }

    [Fact]
    public async Task Silence_ends_in_a_timeout_after_all_attempts()
    {
        using var agent = new FakeAgent(_ => []);
        using var client = Client(timeoutMs: 150, retries: 3);
        var sw = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync(agent.Target(), Root.Append(1)));
        Assert.Equal(4, e.Attempts);
        Assert.InRange(sw.Elapsed.TotalMilliseconds, 590, 4000);
        Assert.False(e.PortUnreachable);
    }

    [Fact]
    public async Task Bulk_walk_shrinks_max_repetitions_on_tooBig_and_still_gets_everything()
    {
        var table = FakeAgent.Table(Root, 40);
        using var agent = new FakeAgent(req =>
        {
            var after = req.Pdu.VarBinds[0].Oid;
            if (req.Pdu.MaxRepetitions > 5) return [FakeAgent.Response(req, req.Pdu.VarBinds, SnmpErrorStatus.TooBig)];
            return [FakeAgent.Response(req, FakeAgent.Next(table, after, req.Pdu.MaxRepetitions))];
        });
        using var client = Client();
        var walk = await client.WalkAsync(agent.Target() with { MaxRepetitions = 25 }, Root);
        Assert.Equal(table, walk);
        var reps = agent.Requests.Select(r => r.MaxRepetitions).Distinct().ToList();
        Assert.Equal([25, 12, 6, 3], reps);
    }

    [Fact]
    public async Task Get_splits_the_request_on_tooBig_and_keeps_the_order()
    {
        using var agent = new FakeAgent(req =>
            req.Pdu.VarBinds.Count > 2
                ? [FakeAgent.Response(req, req.Pdu.VarBinds, SnmpErrorStatus.TooBig)]
                : [FakeAgent.Response(req, req.Pdu.VarBinds.Select(v => new VarBind(v.Oid, SnmpValue.Integer(v.Oid.Arcs[^1]))))]);
        using var client = Client();
        var oids = Enumerable.Range(1, 7).Select(i => Root.Append((uint)i)).ToList();
        var res = await client.GetAsync(agent.Target(), oids);
        Assert.Equal(Enumerable.Range(1, 7), res.Select(v => v.Value.AsInt32()));
        Assert.Equal(oids, res.Select(v => v.Oid));
    }

    [Fact]
    public async Task Long_get_lists_are_split_by_MaxOidsPerRequest()
    {
        using var agent = new FakeAgent(req => [FakeAgent.Response(req, req.Pdu.VarBinds.Select(v => new VarBind(v.Oid, SnmpValue.Integer(1))))]);
        using var client = new SnmpClient(new SnmpClientOptions { MaxOidsPerRequest = 10 });
        var res = await client.GetAsync(agent.Target(), Enumerable.Range(1, 35).Select(i => Root.Append((uint)i)));
        Assert.Equal(35, res.Count);
        Assert.Equal([10, 10, 10, 5], agent.Requests.Select(r => r.VarBinds.Count));
    }

    [Fact]
    public async Task Non_increasing_oids_stop_the_walk_with_an_error_instead_of_looping()
    {
        // answers every bulk with the same two rows: the second round goes backwards
        using var agent = new FakeAgent(req => [FakeAgent.Response(req, [new VarBind(Root.Append(5), SnmpValue.Integer(5)), new VarBind(Root.Append(6), SnmpValue.Integer(6))])]);
        using var client = Client();
        var e = await Assert.ThrowsAsync<SnmpNonIncreasingOidException>(() => client.WalkAsync(agent.Target(), Root));
        Assert.Equal(Root.Append(6), e.Previous);
        Assert.Equal(Root.Append(5), e.Received);
        Assert.True(agent.Requests.Count <= 2);
    }

    [Fact]
    public async Task Allowed_non_increasing_oids_are_followed_but_a_repeat_still_fails()
    {
        // the "next" of each OID as a buggy agent sees it: root → 5 → 3 (goes back) → 9 → outside
        var next = new Dictionary<Oid, VarBind>
        {
            [Root] = new(Root.Append(5), SnmpValue.Integer(5)),
            [Root.Append(5)] = new(Root.Append(3), SnmpValue.Integer(3)),
            [Root.Append(3)] = new(Root.Append(9), SnmpValue.Integer(9)),
            [Root.Append(9)] = new(Oid.Parse("1.3.6.2"), SnmpValue.Integer(0)),
        };
        using var agent = new FakeAgent(req => [FakeAgent.Response(req, [next[req.Pdu.VarBinds[0].Oid]])]);
        using var client = Client(allowNonIncreasing: true);
        var walk = await client.WalkAsync(agent.Target(), Root);
        Assert.Equal([5, 3, 9], walk.Select(v => v.Value.AsInt32()));

        using var repeat = new FakeAgent(req => [FakeAgent.Response(req, [new VarBind(Root.Append(5), SnmpValue.Integer(5))])]);
        await Assert.ThrowsAsync<SnmpNonIncreasingOidException>(() => client.WalkAsync(repeat.Target(), Root));
    }

    [Fact]
    public async Task An_endless_increasing_agent_is_cut_by_MaxWalkVarBinds()
    {
        using var agent = new FakeAgent(req =>
        {
            var after = req.Pdu.VarBinds[0].Oid;
            return [FakeAgent.Response(req, Enumerable.Range(0, req.Pdu.MaxRepetitions).Select(i => new VarBind(after.Append((uint)i), SnmpValue.Null)))];
        });
        using var client = Client(maxWalk: 500);
        var e = await Assert.ThrowsAsync<SnmpProtocolException>(() => client.WalkAsync(agent.Target(), Root));
        Assert.Contains("exceeded 500", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V1_walk_uses_getnext_and_ends_on_noSuchName()
    {
        var table = FakeAgent.Table(Root, 5);
        using var agent = new FakeAgent(req =>
        {
            var next = table.FirstOrDefault(v => v.Oid > req.Pdu.VarBinds[0].Oid);
            return next.Oid.IsEmpty
                ? [FakeAgent.Response(req, req.Pdu.VarBinds, SnmpErrorStatus.NoSuchName, 1)]
                : [FakeAgent.Response(req, [next])];
        });
        using var client = Client();
        var walk = await client.WalkAsync(agent.Target(SnmpVersion.V1), Root);
        Assert.Equal(table, walk);
        Assert.All(agent.Requests, r => Assert.Equal(PduType.GetNextRequest, r.Type));
        await Assert.ThrowsAsync<SnmpProtocolException>(() => client.GetBulkAsync(agent.Target(SnmpVersion.V1), 0, 10, [Root]));
    }

    [Fact]
    public async Task Agent_error_status_is_a_typed_error_with_the_failing_oid()
    {
        using var agent = new FakeAgent(req => [FakeAgent.Response(req, req.Pdu.VarBinds, SnmpErrorStatus.GenErr, 2)]);
        using var client = Client();
        var e = await Assert.ThrowsAsync<SnmpErrorStatusException>(() => client.GetAsync(agent.Target(), [Root.Append(1), Root.Append(2)]));
        Assert.Equal(SnmpErrorStatus.GenErr, e.Status);
        Assert.Equal(2, e.Index);
        Assert.Contains(Root.Append(2).ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_with_the_wrong_number_of_varbinds_is_a_protocol_error()
    {
        using var agent = new FakeAgent(req => [FakeAgent.Response(req, [])]);
        using var client = Client();
        await Assert.ThrowsAsync<SnmpProtocolException>(() => client.GetAsync(agent.Target(), [Root.Append(1)]));
    }

    [Fact]
    public async Task Concurrency_is_bounded_and_many_targets_run_in_parallel()
    {
        var agents = Enumerable.Range(0, 4).Select(_ => new FakeAgent(async req =>
        {
            await Task.Delay(100);
            return (IEnumerable<byte[]>)[FakeAgent.Response(req, [new VarBind(req.Pdu.VarBinds[0].Oid, SnmpValue.Integer(1))])];
        })).ToList();
        try
        {
            using var client = Client(timeoutMs: 2000, maxConcurrent: 3);
            var sw = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, 12).Select(i => client.GetAsync(agents[i % 4].Target(), Root.Append((uint)i))).ToList();
            await Task.WhenAll(tasks);
            // 12 operations, 3 at a time, 100 ms each → ≥ 4 rounds; unbounded would take ~100 ms
            Assert.True(sw.ElapsedMilliseconds >= 380, $"{sw.ElapsedMilliseconds} ms");
            Assert.True(agents.Sum(a => a.MaxInFlight) <= 3 * 4);
            Assert.True(sw.ElapsedMilliseconds < 5000);
        }
        finally
        {
            foreach (var a in agents) a.Dispose();
        }
    }

    [Fact]
    public async Task Cancellation_releases_the_slot_and_the_socket()
    {
        using var agent = new FakeAgent(_ => []);
        using var client = Client(timeoutMs: 5000, maxConcurrent: 1);
        using (var cts = new CancellationTokenSource(100))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(agent.Target(), Root.Append(1), ct: cts.Token));
        // the single slot is free again: a second call starts (and is cancelled) promptly
        using var cts2 = new CancellationTokenSource(100);
        var sw = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WalkAsync(agent.Target(), Root, ct: cts2.Token));
        Assert.True(sw.ElapsedMilliseconds < 1000);
    }

    [Fact]
    public async Task The_client_only_ever_sends_read_pdus()
    {
        var table = FakeAgent.Table(Root, 30);
        using var agent = new FakeAgent(req => req.Pdu.Type switch
        {
            PduType.GetRequest => [FakeAgent.Response(req, req.Pdu.VarBinds.Select(v => new VarBind(v.Oid, SnmpValue.Integer(1))))],
            _ => [FakeAgent.Response(req, FakeAgent.Next(table, req.Pdu.VarBinds[0].Oid, Math.Max(1, req.Pdu.MaxRepetitions)))],
        });
        using var client = Client();
        await client.GetAsync(agent.Target(), Root.Append(1));
        await client.GetNextAsync(agent.Target(), [Root]);
        await client.GetBulkAsync(agent.Target(), 0, 5, [Root]);
        await client.WalkAsync(agent.Target(), Root);
        await client.WalkAsync(agent.Target(SnmpVersion.V1), Root);
        Assert.All(agent.Requests, r => Assert.Contains(r.Type, new[] { PduType.GetRequest, PduType.GetNextRequest, PduType.GetBulkRequest }));
        // and there is no write API at all
        var names = typeof(SnmpClient).GetMethods().Select(m => m.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("Set", StringComparison.Ordinal) && n != "SeedEngine");
    }
}
