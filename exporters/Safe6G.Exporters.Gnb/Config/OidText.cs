using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>Numeric OIDs as written in the config: <c>1.3.6.1</c> or <c>.1.3.6.1</c>; no MIB names (no MIBs are loaded).</summary>
internal static class OidText
{
    public static bool TryParse(string? text, out Oid oid)
    {
        oid = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim().TrimStart('.');
        return trimmed.Length > 0 && Oid.TryParse(trimmed, out oid) && oid.Length >= 2;
    }
}
