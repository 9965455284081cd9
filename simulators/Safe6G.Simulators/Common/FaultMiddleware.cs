using Microsoft.AspNetCore.Http;

namespace Safe6G.Simulators.Common;

/// <summary>Applies the fault switches to every request outside /_sim: down, latency, injected errors, malformed bodies.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultSwitches switches, SimulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(SimulatorHost.AdminPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var faults = switches.Current;
        if (faults.IsDownAt(options.Clock.GetUtcNow()))
        {
            // An aborted connection is what a client sees from a crashed peer: no status, no body.
            context.Abort();
            return;
        }
        if (faults.LatencyMs > 0)
            await Task.Delay(faults.LatencyMs, context.RequestAborted);

        if (switches.Roll(faults.ErrorRate))
        {
            context.Response.StatusCode = faults.ErrorStatus;
            if (options.WriteInjectedError is { } write) await write(context, faults.ErrorStatus);
            else
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$"""{"error":"simulated fault","status":{{faults.ErrorStatus}}}""");
            }
            return;
        }

        if (!switches.Roll(faults.MalformedRate))
        {
            await next(context);
            return;
        }

        // Buffer the real answer, then send only its first half: valid headers, broken JSON.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try { await next(context); }
        finally { context.Response.Body = original; }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return; // nothing to corrupt (e.g. 204)
        var cut = bytes.AsMemory(0, Math.Max(1, bytes.Length / 2));
        context.Response.ContentLength = cut.Length;
        await original.WriteAsync(cut, context.RequestAborted);
    }
}
