using System.Net;
using System.Net.Sockets;
using Safe6G.Snmp;

namespace Safe6G.Simulators.Snmp;

/// <summary>
/// One UDP SNMP agent (v1 and v2c) answering GET, GETNEXT and GETBULK from a <see cref="GnbMib"/>. Like snmpd
/// it ignores datagrams it cannot decode and those with a wrong community, and refuses SET (notWritable /
/// readOnly). Built on Safe6G.Snmp's BER codec; one receive loop, answers written in place.
/// </summary>
public sealed class SnmpAgent : IAsyncDisposable
{
    private const int MaxBulkVarBinds = 1000;
    private const int MaxResponseBytes = 65000;
    private readonly Socket _socket;
    private readonly GnbMib _mib;
    private readonly byte[] _community;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _requests;

    /// <summary>Binds <paramref name="endPoint"/> and starts answering.</summary>
    public SnmpAgent(IPEndPoint endPoint, GnbMib mib, string community, TimeProvider clock)
    {
        _mib = mib;
        _community = System.Text.Encoding.UTF8.GetBytes(community);
        _clock = clock;
        _socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(endPoint);
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(() => ServeAsync(_stop.Token));
    }

    /// <summary>The bound address.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The gNB this agent serves.</summary>
    public GnbMib Mib => _mib;

    /// <summary>Requests answered so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    private async Task ServeAsync(CancellationToken ct)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // e.g. ICMP errors reported on the socket: keep serving
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            var answer = Answer(buffer.AsSpan(0, received.ReceivedBytes));
            if (answer is null)
                continue;
            try
            {
                await _socket.SendToAsync(answer, SocketFlags.None, received.RemoteEndPoint, ct).ConfigureAwait(false);
                Interlocked.Increment(ref _requests);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>The response datagram for a request, or null to stay silent (garbage, wrong community, v3).</summary>
    public byte[]? Answer(ReadOnlySpan<byte> datagram)
    {
        CommunityMessage message;
        try
        {
            message = SnmpMessageCodec.DecodeCommunity(datagram);
        }
        catch (SnmpException)
        {
            return null;
        }
        if (!message.Community.AsSpan().SequenceEqual(_community))
            return null;
        var now = _clock.GetUtcNow();
        var pdu = message.Pdu;
        var v1 = message.Version == SnmpVersion.V1;
        SnmpPdu response = pdu.Type switch
        {
            PduType.GetRequest => Get(pdu, v1, now),
            PduType.GetNextRequest => GetNext(pdu, v1, now),
            PduType.GetBulkRequest when !v1 => GetBulk(pdu, now),
            PduType.SetRequest => Error(pdu, v1 ? SnmpErrorStatus.ReadOnly : SnmpErrorStatus.NotWritable, 1),
            _ => Error(pdu, SnmpErrorStatus.GenErr, 0),
        };
        var bytes = SnmpMessageCodec.EncodeCommunity(message.Version, message.Community, response);
        return bytes.Length <= MaxResponseBytes ? bytes : SnmpMessageCodec.EncodeCommunity(message.Version, message.Community, Error(pdu, SnmpErrorStatus.TooBig, 0));
    }

    private SnmpPdu Get(SnmpPdu request, bool v1, DateTimeOffset now)
    {
        var result = new VarBind[request.VarBinds.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var oid = request.VarBinds[i].Oid;
            if (_mib.Get(oid, now) is { } value)
            {
                result[i] = new VarBind(oid, value);
            }
            else
            {
                if (v1)
                    return Error(request, SnmpErrorStatus.NoSuchName, i + 1);
                // noSuchInstance when the object (the OID's parent) exists but not this instance, else noSuchObject (as snmpd).
                var parent = oid.Length > 1 ? new Oid(oid.Arcs[..^1]) : oid;
                result[i] = new VarBind(oid, _mib.HasUnder(parent) ? SnmpValue.NoSuchInstance : SnmpValue.NoSuchObject);
            }
        }
        return new SnmpPdu(PduType.Response, request.RequestId, 0, 0, result);
    }

    private SnmpPdu GetNext(SnmpPdu request, bool v1, DateTimeOffset now)
    {
        var result = new VarBind[request.VarBinds.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var oid = request.VarBinds[i].Oid;
            if (_mib.Next(oid, now) is { } next)
                result[i] = next;
            else if (v1)
                return Error(request, SnmpErrorStatus.NoSuchName, i + 1);
            else
                result[i] = new VarBind(oid, SnmpValue.EndOfMibView);
        }
        return new SnmpPdu(PduType.Response, request.RequestId, 0, 0, result);
    }

    // RFC 3416 §4.2.3: N non-repeaters once, then M repetitions of the R repeaters, each continuing from its last OID.
    private SnmpPdu GetBulk(SnmpPdu request, DateTimeOffset now)
    {
        var n = Math.Clamp(request.NonRepeaters, 0, request.VarBinds.Count);
        var r = request.VarBinds.Count - n;
        var m = Math.Max(0, request.MaxRepetitions);
        var result = new List<VarBind>(Math.Min(MaxBulkVarBinds, n + r * m));
        for (var i = 0; i < n; i++)
            result.Add(_mib.Next(request.VarBinds[i].Oid, now) ?? new VarBind(request.VarBinds[i].Oid, SnmpValue.EndOfMibView));
        var cursors = request.VarBinds.Skip(n).Select(v => v.Oid).ToArray();
        for (var rep = 0; rep < m && r > 0 && result.Count + r <= MaxBulkVarBinds; rep++)
        {
            var allEnded = true;
            for (var j = 0; j < r; j++)
            {
                if (_mib.Next(cursors[j], now) is { } next)
                {
                    result.Add(next);
                    cursors[j] = next.Oid;
                    allEnded = false;
                }
                else
                {
                    result.Add(new VarBind(cursors[j], SnmpValue.EndOfMibView));
                }
            }
            if (allEnded)
                break;
        }
        return new SnmpPdu(PduType.Response, request.RequestId, 0, 0, result);
    }

    private static SnmpPdu Error(SnmpPdu request, SnmpErrorStatus status, int index) =>
        new(PduType.Response, request.RequestId, (int)status, index, request.VarBinds);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        _stop.Dispose();
    }
}
