namespace Safe6G.Exporters.Sdk.Sources;

/// <summary>
/// What one scrape asks of a source: a target (URL, host:port, broker name), an optional module, extra
/// query parameters (e.g. <c>auth</c> for SNMP) and the <see cref="Source"/> name used as the <c>source</c> label on /metrics.
/// </summary>
public sealed record ScrapeTarget(string Target, string? Module = null, IReadOnlyDictionary<string, string>? Parameters = null, string? Source = null)
{
    /// <summary>A key that identifies the scrape for singleflight and caching.</summary>
    public string CacheKey { get; } = BuildKey(Target, Module, Parameters);

    /// <summary>The value for the <c>source</c> label: the configured name, else the target.</summary>
    public string SourceLabel => Source ?? Target;

    /// <summary>Returns a parameter value or null.</summary>
    public string? Parameter(string name) => Parameters is not null && Parameters.TryGetValue(name, out var v) ? v : null;

    private static string BuildKey(string target, string? module, IReadOnlyDictionary<string, string>? parameters)
    {
        var key = $"{target}\u001f{module}";
        if (parameters is null || parameters.Count == 0)
            return key;
        return key + "\u001f" + string.Join("\u001e", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }
}
