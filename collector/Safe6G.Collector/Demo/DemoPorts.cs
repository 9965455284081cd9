using System.Net;
using System.Net.Sockets;

namespace Safe6G.Collector.Demo;

/// <summary>Picks free loopback ports for every demo component, distinct from each other.</summary>
internal sealed class DemoPorts
{
    private readonly HashSet<int> _taken = [];

    public int Next()
    {
        while (true)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            tcp.Stop();
            // SNMP agents listen on UDP: the same number must be free there too.
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            }
            catch (SocketException)
            {
                continue;
            }
            if (_taken.Add(port))
                return port;
        }
    }
}
