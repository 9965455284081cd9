using System.Net;
using System.Text;
using Safe6G.Portal.Upstreams;

namespace Safe6G.Portal.Tests;

/// <summary>The query client's parsing and its failure sentences, with canned HTTP answers.</summary>
public sealed class PrometheusClientTests
{
    private sealed class Canned(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static (PrometheusClient, Canned) Client(HttpStatusCode status, string body)
    {
        var handler = new Canned(status, body);
        return (new PrometheusClient(new HttpClient(handler), new Uri("http://prom.test/thanos/"), TimeSpan.FromSeconds(5)), handler);
    }

    [Fact]
    public async Task Vector_and_matrix_answers_are_read_and_the_bearer_is_sent()
    {
        var (client, handler) = Client(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"ie":"upv:01"},"value":[1700000000.5,"0.25"]}]}}""");
        var result = await client.QueryAsync("up", "tok", CancellationToken.None);
        Assert.True(result.Ok);
        Assert.Equal("upv:01", result.Value![0].Label("ie"));
        Assert.Equal(0.25, result.Value[0].Value);
        Assert.Equal("Bearer tok", handler.Last!.Headers.Authorization!.ToString());
        Assert.Equal("/thanos/api/v1/query", handler.Last.RequestUri!.AbsolutePath);

        (client, handler) = Client(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"domain":"upv"},"values":[[1,"0.1"],[61,"NaN"]]}]}}""");
        var range = await client.QueryRangeAsync("x", TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), null, CancellationToken.None);
        Assert.Equal(2, range.Value![0].Points.Count);
        Assert.Contains("step=60", handler.Last!.RequestUri!.Query);
        Assert.Null(handler.Last.Headers.Authorization);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"status":"error","errorType":"bad_data","error":"parse error at char 3"}""", "refused the query (400): parse error at char 3")]
    [InlineData(HttpStatusCode.Unauthorized, """{"status":"error","error":"token expired"}""", "refused the query (401): token expired")]
    [InlineData(HttpStatusCode.OK, "<html>proxy login</html>", "answered 200 with a body that is not the query API's JSON")]
    [InlineData(HttpStatusCode.BadGateway, "[1,2]", "answered 502 without the query API's JSON")]
    public async Task Failures_become_sentences(HttpStatusCode status, string body, string expected)
    {
        var (client, _) = Client(status, body);
        var result = await client.QueryAsync("up", null, CancellationToken.None);
        Assert.False(result.Ok);
        Assert.Contains(expected, result.Error);
    }
}
