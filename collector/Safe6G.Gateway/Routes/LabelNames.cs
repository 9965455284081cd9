using Safe6G.Gateway.Proxy;

namespace Safe6G.Gateway.Routes;

/// <summary>Label names taken from a URL path; checked so they cannot smuggle path segments upstream.</summary>
internal static class LabelNames
{
    public static void Require(string name)
    {
        var ok = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!ok)
        {
            throw new BadRequestException($"invalid label name: \"{name}\"");
        }
    }
}
