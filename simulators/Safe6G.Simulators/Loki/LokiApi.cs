using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Simulators.Loki;

/// <summary>
/// Loki's HTTP API subset: push (JSON), query / query_range (log queries: selector + line filters), labels, label
/// values, series. Every call needs X-Scope-OrgID (Loki with auth_enabled); errors are plain text, like Loki's.
/// </summary>
public sealed class LokiApi(LokiStore store, TimeProvider clock)
{
    /// <summary>Requests seen per tenant header value, for tests that check which org the gateway sent.</summary>
    public ConcurrentBag<string> SeenOrgIds { get; } = [];

    /// <summary>POST /loki/api/v1/push.</summary>
    public async Task<IResult> PushAsync(HttpContext context)
    {
        if (Org(context) is not { } org) return NoOrg();
        JsonNode? body;
        try { body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted); }
        catch (JsonException e) { return Results.Text($"error parsing push request: {e.Message}", statusCode: 400); }
        if (body?["streams"] is not JsonArray streams) return Results.Text("push request needs a streams array", statusCode: 400);
        foreach (var s in streams)
        {
            var labels = (s?["stream"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "") ?? [];
            if (labels.Count == 0) return Results.Text("error at least one label pair is required per stream", statusCode: 400);
            var entries = new List<(long, string)>();
            foreach (var v in s?["values"] as JsonArray ?? [])
            {
                if (v is not JsonArray { Count: >= 2 } pair || !long.TryParse(pair[0]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var ns))
                    return Results.Text("values must be [\"<unix ns>\", \"<line>\"] pairs", statusCode: 400);
                entries.Add((ns, pair[1]?.GetValue<string>() ?? ""));
            }
            store.Push(org, labels, entries);
        }
        return Results.NoContent();
    }

    /// <summary>GET|POST /loki/api/v1/query_range and /query (instant: the range ends at time, looks back 1h).</summary>
    public async Task<IResult> QueryAsync(HttpContext context, bool range)
    {
        if (Org(context) is not { } org) return NoOrg();
        var p = await ParamsAsync(context);
        if (!p.TryGetValue("query", out var query) || string.IsNullOrWhiteSpace(query)) return Results.Text("query parameter is required", statusCode: 400);
        LogSelector selector;
        try { selector = LogSelector.Parse(query); }
        catch (FormatException e) { return Results.Text(e.Message, statusCode: 400); }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        long start, end;
        try
        {
            end = p.TryGetValue(range ? "end" : "time", out var e) ? ParseNs(e) : now;
            start = range && p.TryGetValue("start", out var s) ? ParseNs(s) : end - 3_600_000_000_000;
        }
        catch (FormatException e) { return Results.Text(e.Message, statusCode: 400); }
        var limit = p.TryGetValue("limit", out var l) && int.TryParse(l, out var n) && n > 0 ? n : 100;
        var forward = p.TryGetValue("direction", out var d) && d == "forward";

        // Like Loki: the limit applies to the whole answer, the newest (backward) or oldest (forward) lines first.
        var picked = new List<(LogStream Stream, long Ns, string Line)>();
        foreach (var stream in store.Streams(org).Where(s => selector.MatchesStream(s.Labels)))
        {
            lock (stream)
                picked.AddRange(stream.Entries.Where(e => e.Ns >= start && e.Ns <= end && selector.MatchesLine(e.Line)).Select(e => (stream, e.Ns, e.Line)));
        }
        picked = [.. (forward ? picked.OrderBy(x => x.Ns) : picked.OrderByDescending(x => x.Ns)).Take(limit)];
        var result = picked.GroupBy(x => x.Stream).Select(g => new
        {
            stream = g.Key.Labels,
            values = g.Select(x => new[] { x.Ns.ToString(CultureInfo.InvariantCulture), x.Line }).ToArray(),
        });
        return Results.Json(new { status = "success", data = new { resultType = "streams", result, stats = new { } } });
    }

    /// <summary>GET /loki/api/v1/labels (optional query selector).</summary>
    public async Task<IResult> LabelsAsync(HttpContext context)
    {
        if (Org(context) is not { } org) return NoOrg();
        var streams = await SelectedAsync(context, org);
        if (streams.Error is not null) return streams.Error;
        return Results.Json(new { status = "success", data = streams.Streams!.SelectMany(s => s.Labels.Keys).Distinct().Order(StringComparer.Ordinal) });
    }

    /// <summary>GET /loki/api/v1/label/{name}/values (optional query selector).</summary>
    public async Task<IResult> LabelValuesAsync(HttpContext context, string name)
    {
        if (Org(context) is not { } org) return NoOrg();
        var streams = await SelectedAsync(context, org);
        if (streams.Error is not null) return streams.Error;
        return Results.Json(new { status = "success", data = streams.Streams!.Select(s => s.Labels.GetValueOrDefault(name)).OfType<string>().Distinct().Order(StringComparer.Ordinal) });
    }

    /// <summary>GET|POST /loki/api/v1/series (match[] required).</summary>
    public async Task<IResult> SeriesAsync(HttpContext context)
    {
        if (Org(context) is not { } org) return NoOrg();
        var matches = await AllAsync(context, "match[]");
        matches.AddRange(await AllAsync(context, "match"));
        if (matches.Count == 0) return Results.Text("match[] parameter is required", statusCode: 400);
        var selected = new List<LogStream>();
        foreach (var m in matches)
        {
            LogSelector s;
            try { s = LogSelector.Parse(m); }
            catch (FormatException e) { return Results.Text(e.Message, statusCode: 400); }
            selected.AddRange(store.Streams(org).Where(x => s.MatchesStream(x.Labels)));
        }
        return Results.Json(new { status = "success", data = selected.Distinct().Select(s => s.Labels) });
    }

    private async Task<(List<LogStream>? Streams, IResult? Error)> SelectedAsync(HttpContext context, string org)
    {
        var p = await ParamsAsync(context);
        if (!p.TryGetValue("query", out var q) || string.IsNullOrWhiteSpace(q)) return ([.. store.Streams(org)], null);
        try
        {
            var s = LogSelector.Parse(q);
            return ([.. store.Streams(org).Where(x => s.MatchesStream(x.Labels))], null);
        }
        catch (FormatException e) { return (null, Results.Text(e.Message, statusCode: 400)); }
    }

    private string? Org(HttpContext context)
    {
        var org = context.Request.Headers["X-Scope-OrgID"].ToString();
        if (org.Length == 0) return null;
        SeenOrgIds.Add(org);
        return org;
    }

    private static IResult NoOrg() => Results.Text("no org id\n", statusCode: 401);

    private static async Task<Dictionary<string, string>> ParamsAsync(HttpContext context)
    {
        var p = context.Request.Query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            foreach (var (k, v) in await context.Request.ReadFormAsync(context.RequestAborted)) p[k] = v.ToString();
        }
        return p;
    }

    private static async Task<List<string>> AllAsync(HttpContext context, string name)
    {
        var all = context.Request.Query[name].OfType<string>().ToList();
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            all.AddRange((await context.Request.ReadFormAsync(context.RequestAborted))[name].OfType<string>());
        return all;
    }

    // Loki takes unix nanoseconds, unix seconds (with fraction) or RFC 3339.
    private static long ParseNs(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n > 100_000_000_000L ? n : n * 1_000_000_000;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)) return (long)(s * 1e9);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.ToUnixTimeMilliseconds() * 1_000_000;
        throw new FormatException($"invalid time \"{text}\"");
    }
}
