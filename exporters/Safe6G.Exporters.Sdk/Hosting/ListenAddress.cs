using System.Globalization;
using System.Net;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>Parses <c>host:port</c> listen addresses (<c>127.0.0.1:9410</c>, <c>[::1]:0</c>, <c>localhost:9410</c>, <c>:9410</c>).</summary>
public static class ListenAddress
{
    /// <summary>Parses the address; throws <see cref="FormatException"/> naming the bad text.</summary>
    public static IPEndPoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new FormatException($"invalid listen address '{text}': expected host:port");
        var host = text[..colon].Trim('[', ']');
        var address = host switch
        {
            "" or "0.0.0.0" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(host, out var ip) => ip,
            _ => throw new FormatException($"invalid listen address '{text}': '{host}' is not an IP address or localhost"),
        };
        return new IPEndPoint(address, port);
    }
}
