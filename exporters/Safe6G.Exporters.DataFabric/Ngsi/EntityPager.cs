using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.DataFabric.Ngsi;

/// <summary>
/// Reads every entity of one type from an Orion-LD broker: limit/offset pages with <c>count=true</c> until
/// <c>NGSILD-Results-Count</c> is reached, following <c>NGSILD-EntityMap</c> for distributed queries. Each
/// page is parsed as a stream, one entity at a time, so memory stays flat however large the continuum is.
/// </summary>
public sealed class EntityPager(HttpClient http, BrokerConfig broker, TokenSource tokens)
{
    private const int MaxPages = 100_000;

    /// <summary>What reading one type cost.</summary>
    public sealed record Stats(int Pages, int Entities, int? AnnouncedCount, TimeSpan Duration);

    /// <summary>Calls <paramref name="onEntity"/> for every entity of <paramref name="type"/>.</summary>
    public async Task<Stats> ReadAllAsync(string type, Action<JsonElement> onEntity, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var offset = 0;
        var pages = 0;
        int? total = null;
        string? entityMap = null;
        while (true)
        {
            if (++pages > MaxPages)
                throw new UpstreamException("pagination", $"{type}: more than {MaxPages} pages; the broker keeps answering full pages");
            using var request = new HttpRequestMessage(HttpMethod.Get, PageUri(type, offset, entityMap));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (broker.AerosHeader)
                request.Headers.TryAddWithoutValidation("aerOS", "true");
            if (!string.IsNullOrEmpty(broker.Tenant))
                request.Headers.TryAddWithoutValidation("NGSILD-Tenant", broker.Tenant);
            if (entityMap is not null)
                request.Headers.TryAddWithoutValidation("NGSILD-EntityMap", entityMap);
            request.Headers.Authorization = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);

            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                    tokens.Invalidate();
                throw new UpstreamException("http_status", await DescribeErrorAsync(type, response, cancellationToken).ConfigureAwait(false));
            }
            total ??= HeaderInt(response, "NGSILD-Results-Count");
            entityMap ??= HeaderText(response, "NGSILD-EntityMap");

            var count = 0;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await foreach (var entity in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    count++;
                    onEntity(entity);
                }
            }
            catch (JsonException ex)
            {
                throw new UpstreamException("malformed", $"{type}: the broker's answer at offset {offset} is not a JSON array of entities: {ex.Message}");
            }
            offset += count;
            var done = count == 0 || (total is { } announced ? offset >= announced : count < broker.PageSize);
            if (done)
                return new Stats(pages, offset, total, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private Uri PageUri(string type, int offset, string? entityMap)
    {
        var query = new List<string>
        {
            $"limit={broker.PageSize.ToString(CultureInfo.InvariantCulture)}",
            $"offset={offset.ToString(CultureInfo.InvariantCulture)}",
            "count=true",
            $"format={broker.Format}",
            "options=sysAttrs",
        };
        // Later pages of a distributed query carry only the map: type/local next to it is a 400 in Orion-LD.
        if (entityMap is null)
        {
            query.Add($"type={Uri.EscapeDataString(type)}");
            if (broker.Local)
                query.Add("local=true");
        }
        return new Uri($"{broker.Url.TrimEnd('/')}/ngsi-ld/v1/entities?{string.Join('&', query)}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamException("connect", $"cannot reach {broker.Url}: {ex.Message}");
        }
    }

    private static async Task<string> DescribeErrorAsync(string type, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var detail = body.Length > 300 ? body[..300] + "…" : body;
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("title", out var title))
                detail = $"{title.GetString()}{(root.TryGetProperty("detail", out var d) ? ": " + d.GetString() : "")}";
        }
        catch (JsonException)
        {
            // Not a ProblemDetails body: keep the raw text.
        }
        return $"{type}: broker answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}";
    }

    private static int? HeaderInt(HttpResponseMessage response, string name) =>
        int.TryParse(HeaderText(response, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? HeaderText(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
