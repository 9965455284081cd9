using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Simulators.Orion.Http;

/// <summary>An NGSI-LD ProblemDetails error as Orion-LD sends it: application/json with type, title, detail.</summary>
internal sealed record NgsiProblem(int Status, string ErrorType, string Title, string? Detail)
{
    public const string ErrorsBase = "https://uri.etsi.org/ngsi-ld/errors/";

    public static NgsiProblem BadRequest(string title, string? detail = null) => new(400, "BadRequestData", title, detail);
    public static NgsiProblem InvalidRequest(string title, string? detail = null) => new(400, "InvalidRequest", title, detail);
    public static NgsiProblem NotFound(string title, string? detail = null) => new(404, "ResourceNotFound", title, detail);

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body, NgsiJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("type", ErrorsBase + ErrorType);
        writer.WriteString("title", Title);
        if (Detail is not null) writer.WriteString("detail", Detail);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
