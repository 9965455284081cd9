using System.Net;
using System.Net.Sockets;

namespace Safe6G.Deploy.Parsing;

/// <summary>An IPv4 or IPv6 prefix, enough to tell whether two pod CIDRs overlap.</summary>
internal sealed record Cidr(IPAddress Network, int PrefixLength)
{
    /// <summary>Parses a prefix already validated by the reader.</summary>
    public static Cidr Parse(string text) =>
        TryParse(text, out var c) ? c! : throw new FormatException($"not a CIDR: {text}");

    public static bool TryParse(string text, out Cidr? cidr)
    {
        cidr = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IPAddress.TryParse(text[..slash], out var ip)
            || !int.TryParse(text[(slash + 1)..], out var len))
        {
            return false;
        }

        var max = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (len < 0 || len > max)
        {
            return false;
        }

        cidr = new Cidr(Mask(ip, len), len);
        return true;
    }

    /// <summary>Two prefixes overlap exactly when the shorter one contains the other's network address.</summary>
    public bool Overlaps(Cidr other)
    {
        if (Network.AddressFamily != other.Network.AddressFamily)
        {
            return false;
        }

        var shorter = Math.Min(PrefixLength, other.PrefixLength);
        return Mask(Network, shorter).Equals(Mask(other.Network, shorter));
    }

    private static IPAddress Mask(IPAddress ip, int len)
    {
        var bytes = ip.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(len - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }
}
