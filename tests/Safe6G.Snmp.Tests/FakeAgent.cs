using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Safe6G.Snmp.Tests;

/// <summary>
/// A scriptable in-process v1/v2c UDP agent for behaviours snmpd will not produce on demand
/// (stray and garbage datagrams, tooBig, non-increasing OIDs, silence). The handler returns the
/// datagrams to send back (possibly none, possibly several) for each decoded request.
/// </summary>
public sealed class FakeAgent : IDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _cts = new();
    private readonly Func<CommunityMessage, Task<IEnumerable<byte[]>>> _handler;
    private int _inFlight;

    public FakeAgent(Func<CommunityMessage, IEnumerable<byte[]>> handler) : this(m => Task.FromResult(handler(m))) { }

    public FakeAgent(Func<CommunityMessage, Task<IEnumerable<byte[]>>> handler)
    {
        _handler = handler;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _ = Task.Run(LoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;
    public ConcurrentQueue<SnmpPdu> Requests { get; } = new();
    private int _maxInFlight;
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public SnmpTarget Target(SnmpVersion version = SnmpVersion.V2c) => new(EndPoint, new CommunityCredentials("public", version));

    private async Task LoopAsync()
    {
        var buf = new byte[65536];
        while (!_cts.IsCancellationRequested)
        {
            SocketReceiveFromResult r;
            try
            {
                r = await _socket.ReceiveFromAsync(buf, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _cts.Token);
            }
            catch (Exception) when (_cts.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            var msg = SnmpMessageCodec.DecodeCommunity(buf.AsSpan(0, r.ReceivedBytes));
            Requests.Enqueue(msg.Pdu);
            var from = r.RemoteEndPoint;
            _ = Task.Run(async () =>
            {
                int now = Interlocked.Increment(ref _inFlight);
                InterlockedMax(ref _maxInFlight, now);
                try
                {
                    foreach (var reply in await _handler(msg))
                        await _socket.SendToAsync(reply, SocketFlags.None, from);
                }
                catch (ObjectDisposedException)
                {
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            });
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int cur;
        while ((cur = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, cur) != cur) { }
    }

    public static byte[] Response(CommunityMessage req, IEnumerable<VarBind> varBinds, SnmpErrorStatus status = SnmpErrorStatus.NoError,
        int index = 0, int? requestId = null) =>
        SnmpMessageCodec.EncodeCommunity(req.Version, req.Community,
            new SnmpPdu(PduType.Response, requestId ?? req.Pdu.RequestId, (int)status, index, varBinds.ToArray()));

    /// <summary>A table of n integer rows under root: root.1 .. root.n = i.</summary>
    public static List<VarBind> Table(Oid root, int n) =>
        Enumerable.Range(1, n).Select(i => new VarBind(root.Append((uint)i), SnmpValue.Integer(i))).ToList();

    /// <summary>GETNEXT/GETBULK over a sorted list (an honest agent).</summary>
    public static List<VarBind> Next(List<VarBind> data, Oid after, int count)
    {
        int lo = 0, hi = data.Count; // first index with Oid > after (data is sorted)
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (data[mid].Oid <= after) lo = mid + 1; else hi = mid;
        }
        var res = data.GetRange(lo, Math.Min(count, data.Count - lo));
        while (res.Count < count) res.Add(new VarBind(res.Count > 0 ? res[^1].Oid : after, SnmpValue.EndOfMibView));
        return res;
    }

    public void Dispose()
    {
        _cts.Cancel();
        _socket.Dispose();
        _cts.Dispose();
    }
}
