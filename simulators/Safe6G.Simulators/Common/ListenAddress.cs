using System.Globalization;

namespace Safe6G.Simulators.Common;

/// <summary>Parses HOST:PORT listen addresses (IPv6 in brackets).</summary>
public static class ListenAddress
{
    /// <summary>Parses <paramref name="text"/> into an http URL Kestrel can bind; false with a reason when malformed.</summary>
    public static bool TryParse(string text, out string url, out string? error)
    {
        url = "";
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "listen address is empty"; return false; }
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) { error = $"listen address '{text}' is not HOST:PORT"; return false; }
        var host = text[..colon];
        var portText = text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"port '{portText}' is not a number within 0..65535";
            return false;
        }
        if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')) host = $"[{host}]";
        url = $"http://{host}:{port}";
        return true;
    }
}
