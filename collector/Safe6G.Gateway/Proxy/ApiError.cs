using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Gateway.Proxy;

/// <summary>Writes Prometheus-style error bodies: <c>{"status":"error","errorType":"...","error":"..."}</c>.</summary>
public static class ApiError
{
    /// <summary>Sets the status and writes the body (no-op when the response already started).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string errorType, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await context.Response.WriteAsync(Body(errorType, message), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The JSON text of an error.</summary>
    public static string Body(string errorType, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["status"] = "error", ["errorType"] = errorType, ["error"] = message });
}
