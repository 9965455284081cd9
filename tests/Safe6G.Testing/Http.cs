namespace Safe6G.Testing;

/// <summary>HTTP helpers for waiting on services that are starting.</summary>
public static class Http
{
    /// <summary>A shared client for plain loopback calls.</summary>
    public static HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Polls <paramref name="url"/> until it answers 2xx or <paramref name="timeout"/> passes.</summary>
    public static async Task WaitUntilOkAsync(string url, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await Client.GetAsync(url).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                    return;
                last = new HttpRequestException($"status {(int)response.StatusCode}");
            }
            catch (HttpRequestException ex)
            {
                last = ex;
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        throw new TimeoutException($"{url} did not become ready within {timeout}: {last?.Message}\n{diagnostics?.Invoke()}");
    }
}
