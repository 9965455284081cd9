using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Http;

/// <summary>
/// One <see cref="UpstreamHttpClient"/> per configured API, and the rule that maps a scrape to one of them:
/// /metrics targets carry the API's name and use its URL; /probe names the API as its module (whose settings
/// apply) and gives the URL to read as the target.
/// </summary>
public sealed class HttpApiClients<TSettings> : IDisposable where TSettings : HttpApiSettings
{
    private readonly Dictionary<string, (TSettings Settings, UpstreamHttpClient Http)> _apis = new(StringComparer.Ordinal);
    private readonly string _kind;
    private readonly string _defaultScheme;

    /// <summary>Creates the clients; <paramref name="kind"/> names an API in errors ("core"), <paramref name="defaultScheme"/> completes a probed host:port.</summary>
    public HttpApiClients(IEnumerable<TSettings> apis, string kind, string defaultScheme, HttpMessageHandler? handler = null)
    {
        _kind = kind;
        _defaultScheme = defaultScheme;
        foreach (var api in apis)
            _apis[api.Name] = (api, new UpstreamHttpClient(api.Tls, handler));
    }

    /// <summary>The API a scrape is for, its client and the URL to read.</summary>
    /// <exception cref="UpstreamException">No API of that name is configured (reason <c>config</c>).</exception>
    public (TSettings Settings, UpstreamHttpClient Http, string Url) Resolve(ScrapeTarget target)
    {
        var name = target.Module ?? target.Source ?? target.Target;
        if (!_apis.TryGetValue(name, out var entry))
            throw new UpstreamException("config", $"no {_kind} named '{name}' in the configuration");
        var url = target.Module is null ? entry.Settings.Url
            : target.Target.Contains("://", StringComparison.Ordinal) ? target.Target : $"{_defaultScheme}://{target.Target}";
        return (entry.Settings, entry.Http, url);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, http) in _apis.Values)
            http.Dispose();
    }
}
