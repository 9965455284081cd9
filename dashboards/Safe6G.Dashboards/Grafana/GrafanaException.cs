namespace Safe6G.Dashboards.Grafana;

/// <summary>A Grafana API call failed; the message says what was asked, what Grafana answered and what to check.</summary>
public sealed class GrafanaException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status Grafana answered with, or null when no answer came (refused, timeout).</summary>
    public int? StatusCode { get; } = statusCode;
}
