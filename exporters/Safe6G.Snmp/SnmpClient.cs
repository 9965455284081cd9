using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Safe6G.Snmp.Ber;

namespace Safe6G.Snmp;

/// <summary>An agent's SNMPv3 engine as last seen: engineID, boots, time and when we learnt it.</summary>
public sealed record SnmpEngineInfo(byte[] EngineId, int Boots, int Time, long ObservedTimestamp)
{
    /// <summary>The agent's snmpEngineTime now, extrapolated from when it was observed.</summary>
    public int EstimatedTime
    {
        get
        {
            double elapsed = Stopwatch.GetElapsedTime(ObservedTimestamp).TotalSeconds;
            return (int)Math.Min(int.MaxValue, Time + Math.Floor(elapsed));
        }
    }

    public override string ToString() => $"engine {Convert.ToHexString(EngineId)} boots={Boots} time={Time}";
}

/// <summary>
/// Asynchronous SNMP manager for v1, v2c and v3 (USM): GET, GETNEXT, GETBULK and walks, for many
/// targets at once. It never sends SET (nor any other write PDU).
/// <para>
/// Transport: one UDP socket per operation (a Get/Walk call), connected to the target.
/// Why not one shared socket with request-id demultiplexing: the kernel already demultiplexes
/// by the connected 4-tuple, so a late or foreign datagram can only reach the operation that
/// talks to that agent (and is still checked by request-id/msgID); cancellation and timeouts
/// just dispose the socket, with no shared receive loop or pending-request table to keep
/// consistent; ICMP port-unreachable surfaces on the right operation. The cost (one socket
/// per in-flight operation) is bounded by <see cref="SnmpClientOptions.MaxConcurrentOperations"/>.
/// </para>
/// <para>Thread-safe: one instance serves any number of concurrent calls.</para>
/// </summary>
public sealed class SnmpClient : IDisposable
{
    private static readonly Oid UsmStats = Oid.Parse("1.3.6.1.6.3.15.1.1");
    internal static readonly Oid UnsupportedSecLevels = UsmStats.Append(1, 0);
    internal static readonly Oid NotInTimeWindows = UsmStats.Append(2, 0);
    internal static readonly Oid UnknownUserNames = UsmStats.Append(3, 0);
    internal static readonly Oid UnknownEngineIds = UsmStats.Append(4, 0);
    internal static readonly Oid WrongDigests = UsmStats.Append(5, 0);
    internal static readonly Oid DecryptionErrors = UsmStats.Append(6, 0);

    private readonly SnmpClientOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly ConcurrentDictionary<EndPoint, SnmpEngineInfo> _engines = new();
    private int _requestId = Random.Shared.Next(1, int.MaxValue / 2);
    private int _messageId = Random.Shared.Next(1, int.MaxValue / 2);
    private long _salt = Random.Shared.NextInt64();

    public SnmpClient(SnmpClientOptions? options = null)
    {
        _options = options ?? new SnmpClientOptions();
        if (_options.MaxConcurrentOperations < 1) throw new ArgumentException("MaxConcurrentOperations must be ≥ 1", nameof(options));
        if (_options.Retries < 0) throw new ArgumentException("Retries must be ≥ 0", nameof(options));
        if (_options.Timeout <= TimeSpan.Zero) throw new ArgumentException("Timeout must be > 0", nameof(options));
        _gate = new SemaphoreSlim(_options.MaxConcurrentOperations, _options.MaxConcurrentOperations);
    }

    public SnmpClientOptions Options => _options;

    public void Dispose() => _gate.Dispose();

    // ------------------------------------------------------------------ public API

    /// <summary>GET of one OID. Missing objects come back as noSuchObject/noSuchInstance values (v2c/v3).</summary>
    public async Task<VarBind> GetAsync(SnmpTarget target, Oid oid, SnmpStats? stats = null, CancellationToken ct = default) =>
        (await GetAsync(target, [oid], stats, ct).ConfigureAwait(false))[0];

    /// <summary>GET of many OIDs (split into requests of at most
    /// <see cref="SnmpClientOptions.MaxOidsPerRequest"/>; halved again on tooBig). Results are in
    /// request order. v1 noSuchName is turned into a noSuchObject value.</summary>
    public async Task<IReadOnlyList<VarBind>> GetAsync(SnmpTarget target, IEnumerable<Oid> oids, SnmpStats? stats = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var list = oids.ToList();
        if (list.Count == 0) return [];
        var results = new VarBind[list.Count];
        using var op = await OpenAsync(target, stats, ct).ConfigureAwait(false);
        int chunk = Math.Max(1, _options.MaxOidsPerRequest);
        for (int i = 0; i < list.Count; i += chunk)
        {
            var idx = Enumerable.Range(i, Math.Min(chunk, list.Count - i)).ToList();
            await GetIndicesAsync(op, list, idx, results, ct).ConfigureAwait(false);
        }
        stats?.Returned(results.Length);
        return results;
    }

    /// <summary>One GETNEXT request. A non-zero error-status raises <see cref="SnmpErrorStatusException"/>.</summary>
    public async Task<IReadOnlyList<VarBind>> GetNextAsync(SnmpTarget target, IEnumerable<Oid> oids, SnmpStats? stats = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var list = oids.ToList();
        using var op = await OpenAsync(target, stats, ct).ConfigureAwait(false);
        var pdu = await op.RequestAsync(PduType.GetNextRequest, list, 0, 0, ct).ConfigureAwait(false);
        if (pdu.ErrorStatus != SnmpErrorStatus.NoError) throw StatusError(pdu, list);
        stats?.Returned(pdu.VarBinds.Count);
        return pdu.VarBinds;
    }

    /// <summary>One GETBULK request (v2c/v3 only). A non-zero error-status raises <see cref="SnmpErrorStatusException"/>.</summary>
    public async Task<IReadOnlyList<VarBind>> GetBulkAsync(SnmpTarget target, int nonRepeaters, int maxRepetitions, IEnumerable<Oid> oids,
        SnmpStats? stats = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Credentials.Version == SnmpVersion.V1) throw new SnmpProtocolException("GETBULK does not exist in SNMPv1");
        ArgumentOutOfRangeException.ThrowIfNegative(nonRepeaters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepetitions);
        var list = oids.ToList();
        using var op = await OpenAsync(target, stats, ct).ConfigureAwait(false);
        var pdu = await op.RequestAsync(PduType.GetBulkRequest, list, nonRepeaters, maxRepetitions, ct).ConfigureAwait(false);
        if (pdu.ErrorStatus != SnmpErrorStatus.NoError) throw StatusError(pdu, list);
        stats?.Returned(pdu.VarBinds.Count);
        return pdu.VarBinds;
    }

    /// <summary>
    /// All varbinds under <paramref name="root"/>, in agent order: GETBULK (max-repetitions from the
    /// target or options; halved on tooBig) for v2c/v3, GETNEXT for v1. Stops at endOfMibView or
    /// the first OID outside the subtree. A non-increasing OID raises
    /// <see cref="SnmpNonIncreasingOidException"/> unless allowed for the target. When nothing lies
    /// under root, root itself is fetched with GET (as snmpwalk does) unless disabled.
    /// </summary>
    public async Task<IReadOnlyList<VarBind>> WalkAsync(SnmpTarget target, Oid root, SnmpStats? stats = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var op = await OpenAsync(target, stats, ct).ConfigureAwait(false);
        var results = await WalkCoreAsync(op, root, ct).ConfigureAwait(false);
        stats?.Returned(results.Count);
        return results;
    }

    /// <summary>SNMPv3 engine discovery (normally automatic); refreshes the cached engine of the target.</summary>
    public async Task<SnmpEngineInfo> DiscoverEngineAsync(SnmpTarget target, SnmpStats? stats = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Credentials is not UsmCredentials) throw new ArgumentException("engine discovery is SNMPv3 only", nameof(target));
        using var op = await OpenAsync(target, stats, ct).ConfigureAwait(false);
        return await op.DiscoverAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The cached engine of an agent, if any.</summary>
    public SnmpEngineInfo? GetCachedEngine(EndPoint endPoint) => _engines.TryGetValue(endPoint, out var e) ? e : null;

    /// <summary>Replace the cached engine of an agent (tests, or an engine known out of band).</summary>
    public void SeedEngine(EndPoint endPoint, SnmpEngineInfo engine) => _engines[endPoint] = engine;

    /// <summary>Forget the cached engine (next v3 request rediscovers).</summary>
    public void ForgetEngine(EndPoint endPoint) => _engines.TryRemove(endPoint, out _);

    // ------------------------------------------------------------------ operations

    private async Task GetIndicesAsync(Operation op, List<Oid> all, List<int> idx, VarBind[] results, CancellationToken ct)
    {
        while (idx.Count > 0)
        {
            var oids = idx.Select(i => all[i]).ToList();
            var pdu = await op.RequestAsync(PduType.GetRequest, oids, 0, 0, ct).ConfigureAwait(false);
            switch (pdu.ErrorStatus)
            {
                case SnmpErrorStatus.NoError:
                    if (pdu.VarBinds.Count != oids.Count)
                        throw new SnmpProtocolException($"GET of {oids.Count} OID(s) answered with {pdu.VarBinds.Count} varbind(s)");
                    for (int k = 0; k < idx.Count; k++) results[idx[k]] = pdu.VarBinds[k];
                    return;
                case SnmpErrorStatus.TooBig when idx.Count > 1:
                {
                    int half = idx.Count / 2;
                    await GetIndicesAsync(op, all, idx.GetRange(0, half), results, ct).ConfigureAwait(false);
                    await GetIndicesAsync(op, all, idx.GetRange(half, idx.Count - half), results, ct).ConfigureAwait(false);
                    return;
                }
                case SnmpErrorStatus.NoSuchName when op.Version == SnmpVersion.V1 && pdu.ErrorIndex >= 1 && pdu.ErrorIndex <= idx.Count:
                {
                    // v1: the whole request fails for one missing OID; mark it and ask again for the rest
                    int bad = idx[pdu.ErrorIndex - 1];
                    results[bad] = new VarBind(all[bad], SnmpValue.NoSuchObject);
                    idx = idx.Where(i => i != bad).ToList();
                    continue;
                }
                default:
                    throw StatusError(pdu, oids);
            }
        }
    }

    private async Task<List<VarBind>> WalkCoreAsync(Operation op, Oid root, CancellationToken ct)
    {
        var results = new List<VarBind>();
        bool v1 = op.Version == SnmpVersion.V1;
        bool allowNonIncreasing = op.Target.AllowNonIncreasingOids ?? _options.AllowNonIncreasingOids;
        int maxRep = Math.Max(1, op.Target.MaxRepetitions ?? _options.MaxRepetitions);
        Oid current = root;
        Oid? last = null;
        while (true)
        {
            var request = new[] { current };
            var pdu = v1
                ? await op.RequestAsync(PduType.GetNextRequest, request, 0, 0, ct).ConfigureAwait(false)
                : await op.RequestAsync(PduType.GetBulkRequest, request, 0, maxRep, ct).ConfigureAwait(false);
            if (pdu.ErrorStatus == SnmpErrorStatus.TooBig && !v1 && maxRep > 1)
            {
                maxRep = Math.Max(1, maxRep / 2);
                continue;
            }
            if (pdu.ErrorStatus == SnmpErrorStatus.NoSuchName && v1) break; // v1 end of MIB
            if (pdu.ErrorStatus != SnmpErrorStatus.NoError) throw StatusError(pdu, request);
            if (pdu.VarBinds.Count == 0) break;
            bool done = false;
            foreach (var vb in pdu.VarBinds)
            {
                if (vb.Value.IsException || !vb.Oid.IsChildOf(root)) { done = true; break; }
                if (last is { } prev && vb.Oid <= prev)
                {
                    // equal OIDs would loop forever even when non-increasing OIDs are allowed
                    if (!allowNonIncreasing || vb.Oid == prev) throw new SnmpNonIncreasingOidException(prev, vb.Oid);
                }
                results.Add(vb);
                last = vb.Oid;
                if (results.Count > _options.MaxWalkVarBinds)
                    throw new SnmpProtocolException($"walk of {root} exceeded {_options.MaxWalkVarBinds} varbinds");
            }
            if (done || last is null) break;
            current = last.Value;
        }
        if (results.Count == 0 && _options.WalkGetsRootWhenEmpty && root.Length >= 2)
        {
            var single = new VarBind[1];
            await GetIndicesAsync(op, [root], [0], single, ct).ConfigureAwait(false);
            if (!single[0].Value.IsException && single[0].Value.Type != SnmpType.Null) results.Add(single[0]);
        }
        return results;
    }

    private static SnmpException StatusError(SnmpPdu pdu, IReadOnlyList<Oid> request)
    {
        string where = pdu.ErrorIndex >= 1 && pdu.ErrorIndex <= request.Count ? $" at {request[pdu.ErrorIndex - 1]}" : "";
        if (pdu.ErrorStatus == SnmpErrorStatus.AuthorizationError)
            return new SnmpAuthorizationException(pdu.ErrorIndex,
                $"authorizationError{where}: access denied (security level lower than the user requires, or OID outside its view)");
        return new SnmpErrorStatusException(pdu.ErrorStatus, pdu.ErrorIndex, $"agent returned {pdu.ErrorStatus}{where}");
    }

    private int NextRequestId()
    {
        int id;
        do id = Interlocked.Increment(ref _requestId) & 0x7FFFFFFF; while (id == 0);
        return id;
    }

    private int NextMessageId()
    {
        int id;
        do id = Interlocked.Increment(ref _messageId) & 0x7FFFFFFF; while (id == 0);
        return id;
    }

    private ulong NextSalt() => unchecked((ulong)Interlocked.Increment(ref _salt));

    private async Task<Operation> OpenAsync(SnmpTarget target, SnmpStats? stats, CancellationToken ct)
    {
        var ep = target.EndPoint;
        if (ep is DnsEndPoint dns)
        {
            IPAddress[] addrs;
            try
            {
                addrs = await Dns.GetHostAddressesAsync(dns.Host, ct).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new SnmpException($"cannot resolve '{dns.Host}': {e.SocketErrorCode}", e);
            }
            var ip = addrs.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addrs.FirstOrDefault()
                ?? throw new SnmpException($"cannot resolve '{dns.Host}'");
            ep = new IPEndPoint(ip, dns.Port);
        }
        if (ep is not IPEndPoint ipep) throw new ArgumentException("target must be an IP or DNS endpoint", nameof(target));
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return new Operation(this, target, ipep, stats);
        }
        catch (SocketException e)
        {
            _gate.Release();
            throw new SnmpException($"cannot open a UDP socket to {ipep}: {e.SocketErrorCode}", e);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private delegate T? Acceptor<T>(ReadOnlySpan<byte> datagram) where T : class;

    /// <summary>One Get/Walk call: a socket, a receive buffer and the exchange logic.</summary>
    private sealed class Operation : IDisposable
    {
        private readonly SnmpClient _client;
        private readonly IPEndPoint _endPoint;
        private readonly Socket _socket;
        private readonly byte[] _rx;
        private readonly SnmpStats? _stats;
        private readonly TimeSpan _timeout;
        private readonly int _retries;
        private readonly bool _connected;
        private int _disposed;

        public Operation(SnmpClient client, SnmpTarget target, IPEndPoint endPoint, SnmpStats? stats)
        {
            _client = client;
            Target = target;
            _endPoint = endPoint;
            _stats = stats;
            _timeout = target.Timeout ?? client._options.Timeout;
            _retries = Math.Max(0, target.Retries ?? client._options.Retries);
            _socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                _connected = !client._options.UseUnconnectedSocket;
                if (_connected) _socket.Connect(endPoint);
                else _socket.Bind(new IPEndPoint(endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            }
            catch
            {
                _socket.Dispose();
                throw;
            }
            _rx = ArrayPool<byte>.Shared.Rent(65536);
        }

        public SnmpTarget Target { get; }
        public SnmpVersion Version => Target.Credentials.Version;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _socket.Dispose();
            ArrayPool<byte>.Shared.Return(_rx);
            _client._gate.Release();
        }

        public Task<SnmpPdu> RequestAsync(PduType type, IReadOnlyList<Oid> oids, int nonRepeaters, int maxRepetitions, CancellationToken ct)
        {
            // The only PDUs this client builds: reads. (Guard kept explicit: never a SET.)
            if (type is not (PduType.GetRequest or PduType.GetNextRequest or PduType.GetBulkRequest))
                throw new InvalidOperationException($"this client does not send {type}");
            return Target.Credentials is UsmCredentials usm
                ? V3RequestAsync(usm, type, oids, nonRepeaters, maxRepetitions, ct)
                : CommunityRequestAsync((CommunityCredentials)Target.Credentials, type, oids, nonRepeaters, maxRepetitions, ct);
        }

        // ---------------- v1 / v2c

        private Task<SnmpPdu> CommunityRequestAsync(CommunityCredentials cred, PduType type, IReadOnlyList<Oid> oids, int nonRep, int maxRep, CancellationToken ct)
        {
            int reqId = _client.NextRequestId();
            var payload = SnmpMessageCodec.EncodeCommunity(cred.Version, cred.CommunityBytes, SnmpPdu.Request(type, reqId, oids, nonRep, maxRep));
            return ExchangeAsync(_ => payload, data =>
            {
                if (SnmpMessageCodec.PeekVersion(data) != cred.Version) return null;
                var m = SnmpMessageCodec.DecodeCommunity(data);
                if (!m.Community.AsSpan().SequenceEqual(cred.CommunityBytes)) return null;
                if (m.Pdu.Type != PduType.Response || m.Pdu.RequestId != reqId) return null;
                return m.Pdu;
            }, ct);
        }

        // ---------------- v3

        private sealed record V3Reply(SnmpPdu Pdu, V3Message Message);

        public async Task<SnmpEngineInfo> DiscoverAsync(CancellationToken ct)
        {
            int reqId = _client.NextRequestId();
            var ids = new List<int>();
            var w = new BerWriter(64);
            new ScopedPdu([], [], new SnmpPdu(PduType.GetRequest, reqId, 0, 0, [])).Encode(w);
            var scoped = w.ToArray();
            var reply = await ExchangeAsync(_ =>
            {
                int msgId = _client.NextMessageId();
                lock (ids) ids.Add(msgId);
                return SnmpMessageCodec.EncodeV3(msgId, _client._options.MaxMessageSize, V3Flags.Reportable,
                    new UsmSecurityParameters(), scoped, encrypted: false, out _);
            }, data =>
            {
                if (SnmpMessageCodec.PeekVersion(data) != SnmpVersion.V3) return null;
                var m = SnmpMessageCodec.DecodeV3(data);
                lock (ids) if (!ids.Contains(m.MessageId)) return null;
                if (m.ScopedPdu is null) return null;
                return new V3Reply(m.ScopedPdu.Pdu, m);
            }, ct).ConfigureAwait(false);
            var usm = reply.Message.Usm;
            if (usm.EngineId.Length == 0) throw new SnmpProtocolException("engine discovery: the agent reported an empty engineID");
            var engine = new SnmpEngineInfo(usm.EngineId, usm.EngineBoots, usm.EngineTime, Stopwatch.GetTimestamp());
            _client._engines[_endPoint] = engine;
            return engine;
        }

        private async Task<SnmpPdu> V3RequestAsync(UsmCredentials cred, PduType type, IReadOnlyList<Oid> oids, int nonRep, int maxRep, CancellationToken ct)
        {
            var engine = _client._engines.TryGetValue(_endPoint, out var cached) ? cached : await DiscoverAsync(ct).ConfigureAwait(false);
            bool resynced = false, rediscovered = false;
            while (true)
            {
                var reply = await V3ExchangeAsync(cred, engine, type, oids, nonRep, maxRep, ct).ConfigureAwait(false);
                if (reply.Pdu.Type != PduType.Report) return reply.Pdu;
                var reportOid = reply.Pdu.VarBinds.Count > 0 ? reply.Pdu.VarBinds[0].Oid : Oid.Empty;
                if (reportOid == NotInTimeWindows && !resynced)
                {
                    resynced = true;
                    var u = reply.Message.Usm;
                    engine = new SnmpEngineInfo(engine.EngineId, u.EngineBoots, u.EngineTime, Stopwatch.GetTimestamp());
                    _client._engines[_endPoint] = engine;
                    continue;
                }
                if (reportOid == UnknownEngineIds && !rediscovered)
                {
                    rediscovered = true;
                    engine = await DiscoverAsync(ct).ConfigureAwait(false);
                    continue;
                }
                throw MapReport(reportOid, cred);
            }
        }

        private static SnmpException MapReport(Oid oid, UsmCredentials cred)
        {
            string user = cred.UserName;
            if (oid == UnknownUserNames) return new SnmpUnknownUserException(user, oid);
            if (oid == WrongDigests)
                return new SnmpAuthenticationException(
                    $"authentication failure (wrong password?) for user '{user}' with {cred.AuthProtocol} (usmStatsWrongDigests)", oid);
            if (oid == DecryptionErrors)
                return new SnmpDecryptionException(
                    $"decryption error (wrong privacy password or protocol?) for user '{user}' with {cred.PrivProtocol} (usmStatsDecryptionErrors)", oid);
            if (oid == UnsupportedSecLevels)
                return new SnmpUnsupportedSecurityLevelException(
                    $"unsupported security level {cred.SecurityLevel} for user '{user}' (usmStatsUnsupportedSecLevels)", oid);
            if (oid == NotInTimeWindows)
                return new SnmpSecurityException(UsmError.NotInTimeWindow, "not in time window even after resynchronising (usmStatsNotInTimeWindows)", oid);
            if (oid == UnknownEngineIds)
                return new SnmpSecurityException(UsmError.UnknownEngineId, "unknown engineID even after rediscovery (usmStatsUnknownEngineIDs)", oid);
            return new SnmpSecurityException(UsmError.OtherReport, $"agent sent a report: {(oid.IsEmpty ? "(no varbind)" : oid.ToString())}", oid.IsEmpty ? (Oid?)null : oid);
        }

        private Task<V3Reply> V3ExchangeAsync(UsmCredentials cred, SnmpEngineInfo engine, PduType type, IReadOnlyList<Oid> oids, int nonRep, int maxRep, CancellationToken ct)
        {
            int reqId = _client.NextRequestId();
            var ids = new List<int>();
            var keys = cred.KeysFor(engine.EngineId);
            bool auth = cred.AuthProtocol != SnmpAuthProtocol.None;
            bool priv = cred.PrivProtocol != SnmpPrivProtocol.None;
            var w = new BerWriter(64 + oids.Count * 24);
            new ScopedPdu(cred.ContextEngineId ?? engine.EngineId, cred.ContextNameBytes, SnmpPdu.Request(type, reqId, oids, nonRep, maxRep)).Encode(w);
            var plain = w.ToArray();
            var flags = V3Flags.Reportable | (auth ? V3Flags.Auth : 0) | (priv ? V3Flags.Priv : 0);
            return ExchangeAsync(_ =>
            {
                int msgId = _client.NextMessageId();
                lock (ids) ids.Add(msgId);
                int time = engine.EstimatedTime;
                byte[] data = plain;
                byte[] privParams = [];
                if (priv) data = Usm.Encrypt(cred.PrivProtocol, keys.Priv, engine.Boots, time, _client.NextSalt(), plain, out privParams);
                var usm = new UsmSecurityParameters
                {
                    EngineId = engine.EngineId,
                    EngineBoots = engine.Boots,
                    EngineTime = time,
                    UserName = cred.UserNameBytes,
                    AuthenticationParameters = auth ? new byte[Usm.MacLength(cred.AuthProtocol)] : [],
                    PrivacyParameters = privParams,
                };
                var bytes = SnmpMessageCodec.EncodeV3(msgId, _client._options.MaxMessageSize, flags, usm, data, priv, out int authOff);
                if (auth) Usm.ComputeMac(cred.AuthProtocol, keys.Auth, bytes).CopyTo(bytes.AsSpan(authOff));
                return bytes;
            }, data =>
            {
                if (SnmpMessageCodec.PeekVersion(data) != SnmpVersion.V3) return null;
                var m = SnmpMessageCodec.DecodeV3(data);
                lock (ids) if (!ids.Contains(m.MessageId)) return null;
                bool authenticated = (m.Flags & V3Flags.Auth) != 0;
                if (authenticated)
                {
                    if (!auth) return null;
                    if (!m.Usm.UserName.AsSpan().SequenceEqual(cred.UserNameBytes)) return null;
                    if (!Usm.VerifyMac(cred.AuthProtocol, keys.Auth, data, m.AuthParamsOffset, m.Usm.AuthenticationParameters.Length))
                        throw new SnmpAuthenticationException($"a response for user '{cred.UserName}' failed HMAC verification (wrong auth key?)");
                }
                ScopedPdu? scoped = m.ScopedPdu;
                if (m.EncryptedPdu is not null)
                {
                    if (!priv || !authenticated) return null;
                    var clear = Usm.Decrypt(cred.PrivProtocol, keys.Priv, m.Usm.EngineBoots, m.Usm.EngineTime, m.Usm.PrivacyParameters, m.EncryptedPdu);
                    scoped = ScopedPdu.Decode(clear);
                }
                if (scoped is null) return null;
                var pdu = scoped.Pdu;
                if (pdu.Type == PduType.Report) return new V3Reply(pdu, m);
                if (pdu.Type != PduType.Response || pdu.RequestId != reqId) return null;
                // An unauthenticated response to an authenticated request is dropped (RFC 3414 §3.2).
                if (auth && !authenticated) return null;
                if (authenticated && engine.EngineId.AsSpan().SequenceEqual(m.Usm.EngineId))
                    _client._engines[_endPoint] = new SnmpEngineInfo(engine.EngineId, m.Usm.EngineBoots, m.Usm.EngineTime, Stopwatch.GetTimestamp());
                return new V3Reply(pdu, m);
            }, ct);
        }

        // ---------------- transport: retries, per-attempt timeout, matching

        private async Task<T> ExchangeAsync<T>(Func<int, byte[]> build, Acceptor<T> accept, CancellationToken ct) where T : class
        {
            bool portUnreachable = false;
            SnmpException? lastError = null;
            SocketException? socketError = null;
            int attempts = 0;
            for (int attempt = 0; attempt <= _retries; attempt++)
            {
                ct.ThrowIfCancellationRequested();
                var payload = build(attempt);
                attempts++;
                using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                attemptCts.CancelAfter(_timeout);
                try
                {
                    if (_connected) await _socket.SendAsync(payload, SocketFlags.None, attemptCts.Token).ConfigureAwait(false);
                    else await _socket.SendToAsync(payload, SocketFlags.None, _endPoint, attemptCts.Token).ConfigureAwait(false);
                    _stats?.Sent(attempt > 0);
                    while (true)
                    {
                        int n = _connected
                            ? await _socket.ReceiveAsync(_rx.AsMemory(), SocketFlags.None, attemptCts.Token).ConfigureAwait(false)
                            : (await _socket.ReceiveFromAsync(_rx.AsMemory(), SocketFlags.None, _endPoint, attemptCts.Token).ConfigureAwait(false)).ReceivedBytes;
                        T? result;
                        try
                        {
                            result = accept(_rx.AsSpan(0, n));
                        }
                        catch (SnmpException e)
                        {
                            // undecodable / failed authentication: not an answer we can use; keep listening
                            lastError = e;
                            result = null;
                        }
                        if (result is null)
                        {
                            _stats?.Stray();
                            continue;
                        }
                        _stats?.Received();
                        return result;
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // this attempt timed out; retry
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
                {
                    // ICMP port unreachable from an earlier datagram: nothing listens there (yet); retry
                    portUnreachable = true;
                }
                catch (SocketException e)
                {
                    // host/network unreachable and the like: count the attempt as lost, keep the reason
                    socketError = e;
                }
            }
            string why = portUnreachable ? "; ICMP port unreachable: nothing listens on that port" : "";
            if (socketError is not null) why += $"; socket error: {socketError.SocketErrorCode}";
            if (lastError is not null) why += $"; last unusable datagram: {lastError.Message}";
            throw new SnmpTimeoutException(
                $"no response from {_endPoint} after {attempts} attempt(s) of {_timeout.TotalSeconds:0.###} s{why}", lastError)
            {
                Attempts = attempts,
                TimeoutPerAttempt = _timeout,
                PortUnreachable = portUnreachable,
            };
        }
    }
}
