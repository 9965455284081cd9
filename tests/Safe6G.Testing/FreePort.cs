using System.Net;
using System.Net.Sockets;

namespace Safe6G.Testing;

/// <summary>Free loopback ports for child processes that need a port number before they start.</summary>
public static class FreePort
{
    /// <summary>A TCP port that was free a moment ago on 127.0.0.1.</summary>
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
