namespace Safe6G.Deploy.Emit;

/// <summary>A generated scrape job with the effective timeout, which the scrape-too-slow alert needs.</summary>
internal sealed record ScrapeJob(string Name, TimeSpan Timeout, bool Probe, YMap Config);
