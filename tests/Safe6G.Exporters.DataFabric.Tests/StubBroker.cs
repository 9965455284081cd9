using System.Net;
using System.Text;

namespace Safe6G.Exporters.DataFabric.Tests;

/// <summary>An HTTP handler answering every entity query with a fixed status and body, for shapes a real broker would rarely send.</summary>
internal sealed class StubBroker(HttpStatusCode status, Func<string, string> body) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
            Requests.Add(request.RequestUri!);
        var type = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["type"] ?? "";
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body(type), Encoding.UTF8, "application/json") });
    }
}
