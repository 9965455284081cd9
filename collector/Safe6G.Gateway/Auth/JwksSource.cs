using Microsoft.IdentityModel.Tokens;
using Safe6G.Gateway.Config;

namespace Safe6G.Gateway.Auth;

/// <summary>
/// The signing keys: a local JWKS file or a JWKS URL. Keys are cached; a token naming an unknown kid triggers a
/// refetch, at most once per <c>minRefreshInterval</c>, so random kids cannot turn the gateway into a key-server
/// flooder. A failed refetch keeps the old keys.
/// </summary>
public sealed class JwksSource : IDisposable
{
    private readonly string? _file;
    private readonly Uri? _url;
    private readonly HttpClient? _http;
    private readonly TimeSpan _minRefresh;
    private readonly TimeSpan _cacheDuration;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IReadOnlyList<JsonWebKey> _keys = [];
    private DateTimeOffset _lastFetch = DateTimeOffset.MinValue;
    private DateTimeOffset _lastKidRefetch = DateTimeOffset.MinValue;

    /// <summary>Creates a source; call <see cref="LoadAsync(CancellationToken)"/> before use.</summary>
    public JwksSource(string? file, Uri? url, TimeSpan minRefreshInterval, TimeSpan cacheDuration, TimeProvider? clock = null, HttpMessageHandler? handler = null)
    {
        _file = file;
        _url = url;
        _minRefresh = minRefreshInterval;
        _cacheDuration = cacheDuration;
        _clock = clock ?? TimeProvider.System;
        if (url is not null)
        {
            _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            _http.Timeout = TimeSpan.FromSeconds(10);
        }
    }

    /// <summary>Creates the source an <c>auth:</c> section names and loads it, as the gateway and the portal do before their port opens.</summary>
    /// <exception cref="InvalidDataException">The keys cannot be read; the message names the file or URL.</exception>
    public static async Task<JwksSource> LoadAsync(AuthConfig auth, CancellationToken cancellationToken)
    {
        var jwks = new JwksSource(auth.JwksFile, string.IsNullOrEmpty(auth.JwksUrl) ? null : new Uri(auth.JwksUrl), auth.JwksMinRefreshInterval, auth.JwksCacheDuration);
        try
        {
            await jwks.LoadAsync(cancellationToken).ConfigureAwait(false);
            return jwks;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidDataException or TaskCanceledException or UnauthorizedAccessException)
        {
            jwks.Dispose();
            throw new InvalidDataException($"cannot load the JWKS ({auth.JwksFile ?? auth.JwksUrl}): {ex.Message}", ex);
        }
    }

    /// <summary>How many times keys were (re)loaded; for tests and the fetch counter.</summary>
    public int FetchCount { get; private set; }

    /// <summary>The current keys.</summary>
    public IReadOnlyList<JsonWebKey> Keys => _keys;

    /// <summary>Loads the keys the first time; throws when they cannot be read or parsed.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _keys = await FetchAsync(cancellationToken).ConfigureAwait(false);
        _lastFetch = _clock.GetUtcNow();
    }

    /// <summary>Returns the keys to try for a token with <paramref name="kid"/>, refetching when it is unknown or the cache is old.</summary>
    public async Task<IReadOnlyList<JsonWebKey>> KeysForAsync(string? kid, CancellationToken cancellationToken)
    {
        var keys = _keys;
        var known = kid is null || keys.Any(k => k.Kid == kid);
        var stale = _clock.GetUtcNow() - _lastFetch > _cacheDuration;
        if ((known && !stale) || (_file is null && _url is null))
        {
            return keys;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _clock.GetUtcNow();
            if (_keys != keys || (!stale && now - _lastKidRefetch < _minRefresh))
            {
                return _keys; // someone else refreshed meanwhile, or an unknown kid already caused a refetch recently
            }

            if (!known)
            {
                // Only refetches caused by unknown kids are rate-limited; the start-up load does not count, so a key
                // rotated in right after start is still picked up.
                _lastKidRefetch = now;
            }

            try
            {
                _keys = await FetchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or ArgumentException or InvalidDataException or TaskCanceledException)
            {
                // Keep serving with the keys we have; the unknown kid will simply fail validation.
            }

            _lastFetch = now;
            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http?.Dispose();
        _gate.Dispose();
    }

    private async Task<IReadOnlyList<JsonWebKey>> FetchAsync(CancellationToken cancellationToken)
    {
        string json;
        if (_file is not null)
        {
            json = await File.ReadAllTextAsync(_file, cancellationToken).ConfigureAwait(false);
        }
        else if (_url is not null)
        {
            using var response = await _http!.GetAsync(_url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"JWKS {_url} answered {(int)response.StatusCode}");
            }

            json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return [];
        }

        FetchCount++;
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"JWKS from {(object?)_file ?? _url} is not a JWK set: {ex.Message}", ex);
        }

        return [.. set.Keys.Where(k => k.Kty is "RSA" or "EC")];
    }
}
