using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Safe6G.Deploy.Tests;

/// <summary>
/// Stands in for our exporters on 127.0.0.1: /metrics answers like datafabric, /probe like the gnb exporter,
/// and every probe query string is recorded so a test can see what Prometheus' relabelling sent.
/// </summary>
internal sealed class StubExporter : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public StubExporter()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(Serve);
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public ConcurrentQueue<string> ProbeQueries { get; } = new();

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with an exception when the listener closes.
        }
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = ctx.Request.Url!.AbsolutePath;
            string body;
            if (path == "/probe")
            {
                ProbeQueries.Enqueue(ctx.Request.Url.Query);
                body = "# TYPE gnb_up gauge\ngnb_up 1\n# TYPE gnb_cell_up gauge\ngnb_cell_up{gnb=\"stub-gnb\",cell=\"1\"} 1\n";
            }
            else if (path == "/metrics")
            {
                body = "# TYPE datafabric_up gauge\ndatafabric_up{source=\"orion\"} 1\n";
            }
            else
            {
                ctx.Response.StatusCode = 404;
                body = "not found\n";
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            ctx.Response.ContentType = "text/plain; version=0.0.4";
            ctx.Response.ContentLength64 = bytes.Length;
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        }
    }
}
