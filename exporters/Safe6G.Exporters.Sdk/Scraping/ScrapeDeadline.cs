using System.Globalization;

namespace Safe6G.Exporters.Sdk.Scraping;

/// <summary>
/// Computes how long a scrape may take: Prometheus sends its scrape timeout in
/// <c>X-Prometheus-Scrape-Timeout-Seconds</c>; we answer a little before it (like blackbox_exporter's
/// timeout_offset) so Prometheus gets <c>_up 0</c> instead of a timed-out scrape.
/// </summary>
public static class ScrapeDeadline
{
    /// <summary>The header Prometheus sets on every scrape.</summary>
    public const string HeaderName = "X-Prometheus-Scrape-Timeout-Seconds";

    /// <summary>Returns the time budget for a scrape given the header value (may be null) and the configured limits.</summary>
    public static TimeSpan Compute(string? headerValue, TimeSpan configuredTimeout, TimeSpan offset)
    {
        var budget = configuredTimeout;
        if (!string.IsNullOrWhiteSpace(headerValue)
            && double.TryParse(headerValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && double.IsFinite(seconds))
        {
            var fromPrometheus = TimeSpan.FromSeconds(seconds);
            // An offset larger than the scrape timeout would leave nothing; then keep half of it.
            fromPrometheus = fromPrometheus > offset * 2 ? fromPrometheus - offset : fromPrometheus / 2;
            if (fromPrometheus < budget)
                budget = fromPrometheus;
        }
        return budget <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : budget;
    }
}
