using System.Text;

namespace Safe6G.Orchestration.Deployment;

/// <summary>DNS-1123 labels from service and component names (lower case, '-' for anything else, at most 63 characters).</summary>
public static class KubernetesNames
{
    public static string Label(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
            sb.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        var name = sb.ToString().Trim('-');
        if (name.Length > 63) name = name[..63].TrimEnd('-');
        return name.Length == 0 ? "x" : name;
    }
}
