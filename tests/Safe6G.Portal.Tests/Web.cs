using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Safe6G.Portal.Tests;

/// <summary>An HTTP client for the portal that does not follow redirects (tests look at them) and parses pages with AngleSharp.</summary>
internal sealed class Web : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Uri _base;

    public Web(Uri baseAddress) => _base = baseAddress;

    /// <summary>Sent as a Cookie header when set.</summary>
    public string? Cookie { get; set; }

    public static readonly string[] Pages = ["/", "/deployments", "/services/new", "/health"];

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, path));
        if (Cookie is not null) request.Headers.Add("Cookie", Cookie);
        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> form, string? origin = null, string? fetchSite = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, path)) { Content = new FormUrlEncodedContent(form) };
        if (Cookie is not null) request.Headers.Add("Cookie", Cookie);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return await _http.SendAsync(request);
    }

    /// <summary>GETs a page, checks it is a 200 HTML page, and parses it.</summary>
    public async Task<IDocument> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return Parse(body);
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public void Dispose() => _http.Dispose();
}
