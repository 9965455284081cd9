using System.Net;
using System.Text;

namespace Safe6G.Exporters.CmcCore.Tests;

/// <summary>An HTTP handler answering CNC paths with canned bodies, for shapes the simulator never sends.</summary>
internal sealed class StubCnc(Func<string, (HttpStatusCode Status, string Body)> answer) : HttpMessageHandler
{
    /// <summary>Well-formed empty answers for every endpoint, overridden per path by <paramref name="overrides"/>.</summary>
    public static StubCnc With(Dictionary<string, string> overrides) => new(path =>
    {
        foreach (var (key, body) in overrides)
        {
            if (path.Contains(key, StringComparison.Ordinal))
                return (HttpStatusCode.OK, body);
        }
        return (HttpStatusCode.OK, path switch
        {
            _ when path.Contains("total-count", StringComparison.Ordinal) => """{"count":0}""",
            _ when path.Contains("report-type=ue-usage", StringComparison.Ordinal) => """{"ues":[]}""",
            _ when path.Contains("report-type=pdu-sessions", StringComparison.Ordinal) => """{"sessions":[]}""",
            _ when path.Contains("report-type=gnb-status", StringComparison.Ordinal) => """{"gnbs":[]}""",
            _ => "[]",
        });
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (status, body) = answer(request.RequestUri!.PathAndQuery);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
