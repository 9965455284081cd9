using System.Text;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Gateway.Proxy;

/// <summary>
/// The parameters of an API call, merged like Go's <c>r.Form</c> (form body first, then URL query), kept in order
/// and multi-valued, so the rewritten set sent upstream is exactly what was checked.
/// </summary>
public sealed class RequestParams
{
    private readonly List<KeyValuePair<string, string>> _items;

    private RequestParams(List<KeyValuePair<string, string>> items) => _items = items;

    /// <summary>All parameters in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    /// <summary>Reads the query string and, for a form POST, the body.</summary>
    /// <exception cref="BadHttpRequestException">The form body cannot be read.</exception>
    public static async Task<RequestParams> ReadAsync(HttpRequest request)
    {
        var items = new List<KeyValuePair<string, string>>();
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            foreach (var (k, values) in form)
            {
                items.AddRange(values.Select(v => new KeyValuePair<string, string>(k, v ?? "")));
            }
        }

        foreach (var (k, values) in request.Query)
        {
            items.AddRange(values.Select(v => new KeyValuePair<string, string>(k, v ?? "")));
        }

        return new RequestParams(items);
    }

    /// <summary>Every value of a parameter.</summary>
    public List<string> All(string name) => [.. _items.Where(p => p.Key == name).Select(p => p.Value)];

    /// <summary>The single value of a parameter, null when absent.</summary>
    /// <exception cref="BadRequestException">The parameter appears more than once (an upstream might read another copy than the one we checked).</exception>
    public string? Single(string name)
    {
        var all = All(name);
        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => throw new BadRequestException($"parameter {name} given {all.Count} times; give it once"),
        };
    }

    /// <summary>Replaces every value of <paramref name="name"/> with <paramref name="values"/>.</summary>
    public void Set(string name, IEnumerable<string> values)
    {
        _items.RemoveAll(p => p.Key == name);
        _items.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
    }

    /// <summary>Removes a parameter.</summary>
    public void Remove(string name) => _items.RemoveAll(p => p.Key == name);

    /// <summary>URL-encoded form text.</summary>
    public string Encode()
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in _items)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            sb.Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
        }

        return sb.ToString();
    }
}
