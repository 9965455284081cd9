using System.Globalization;
using System.Text.Encodings.Web;

namespace Safe6G.Portal.Html;

/// <summary>HTML building helpers: every text that reaches a page goes through <see cref="E"/>.</summary>
internal static class H
{
    /// <summary>HTML-encodes text (element content and quoted attribute values).</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>URL-encodes a path segment, then HTML-encodes it for an href.</summary>
    public static string U(string segment) => E(Uri.EscapeDataString(segment));

    /// <summary>A notice box; role=alert so screen readers announce failures.</summary>
    public static string Notice(string kind, string text) =>
        $"<p class=\"notice {kind}\" role=\"{(kind == "error" ? "alert" : "status")}\">{E(text)}</p>";

    /// <summary>A ratio as a percentage, or an en dash when unknown.</summary>
    public static string Pct(double? ratio) => ratio is { } r && double.IsFinite(r) ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>Bytes in decimal GB, or an en dash.</summary>
    public static string Gb(double? bytes) => bytes is { } b && double.IsFinite(b) ? (b / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB" : "–";

    /// <summary>A number with a unit, or an en dash.</summary>
    public static string Num(double? value, string format, string unit = "") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "–";
}
