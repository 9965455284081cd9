using Prometheus;

namespace Safe6G.Exporters.Sdk.Exposition;

/// <summary>Content negotiation between Prometheus text 0.0.4 and OpenMetrics 1.0, as Prometheus asks for them.</summary>
public static class ExpositionFormats
{
    /// <summary>Content type of the Prometheus text format.</summary>
    public const string PrometheusTextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Content type of OpenMetrics text.</summary>
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>Picks the format for an <c>Accept</c> header: OpenMetrics only when the client asks for it.</summary>
    public static ExpositionFormat Negotiate(string? accept) =>
        accept is not null && accept.Contains("application/openmetrics-text", StringComparison.OrdinalIgnoreCase)
            ? ExpositionFormat.OpenMetricsText
            : ExpositionFormat.PrometheusText;

    /// <summary>The content type that goes with <paramref name="format"/>.</summary>
    public static string ContentType(ExpositionFormat format) =>
        format == ExpositionFormat.OpenMetricsText ? OpenMetricsContentType : PrometheusTextContentType;

    /// <summary>True when an <c>Accept-Encoding</c> header allows gzip.</summary>
    public static bool AcceptsGzip(string? acceptEncoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
            return false;
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (!pieces[0].Equals("gzip", StringComparison.OrdinalIgnoreCase))
                continue;
            // "gzip;q=0" explicitly refuses it.
            return !pieces.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
        }
        return false;
    }
}
