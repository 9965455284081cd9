using System.Net;
using Safe6G.Gateway.Config;

namespace Safe6G.Gateway.Proxy;

/// <summary>One upstream API with its own bounded connection pool and deadline.</summary>
public sealed class Upstream : IDisposable
{
    /// <summary>Creates the upstream's client; the deadline is applied per request, not by HttpClient.Timeout.</summary>
    public Upstream(string name, UpstreamConfig config)
    {
        Name = name;
        BaseUrl = config.Url.TrimEnd('/');
        Timeout = config.Timeout;
        Client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = config.MaxConnections,
            ConnectTimeout = config.Timeout < TimeSpan.FromSeconds(5) ? config.Timeout : TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        })
        { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Name used in metrics and errors (thanos, loki).</summary>
    public string Name { get; }

    /// <summary>Base URL without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Deadline of one request, body included.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The pooled client.</summary>
    public HttpClient Client { get; }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();
}
