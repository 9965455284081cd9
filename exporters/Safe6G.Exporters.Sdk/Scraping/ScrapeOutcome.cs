using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.Sdk.Scraping;

/// <summary>The result of one scrape as the HTTP layer sees it: the data (if any), success, duration and error.</summary>
public sealed record ScrapeOutcome(MetricSnapshot? Snapshot, bool Success, TimeSpan Duration, string? ErrorReason, string? ErrorMessage, bool FromCache);
