using Microsoft.AspNetCore.Http;
using Safe6G.Orchestration.Lifecycle;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Api;

/// <summary>Errors as RFC 9457 ProblemDetails; TOSCA errors carry every problem with its line and field.</summary>
internal static class Problems
{
    public static IResult Of(OperationResult result, string instance) => result.Outcome switch
    {
        Outcome.NotFound => Results.Problem(result.Message, instance, StatusCodes.Status404NotFound, "Service not found"),
        Outcome.Conflict => Results.Problem(result.Message, instance, StatusCodes.Status409Conflict, "Conflicts with the service's state"),
        Outcome.BadRequest => Results.Problem(result.Message, instance, StatusCodes.Status400BadRequest, "Not allowed in the service's state"),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    public static IResult Tosca(ToscaException ex, string instance) => Results.Problem(
        detail: string.Join("; ", ex.Errors),
        instance: instance,
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid Service Parameters",
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = ex.Errors.Select(e => new { line = e.Line, column = e.Column, field = e.Field, message = e.Message }).ToList(),
        });

    public static IResult BadRequest(string detail, string instance) =>
        Results.Problem(detail, instance, StatusCodes.Status400BadRequest, "Bad request");

    public static IResult Unavailable(string detail, string instance) =>
        Results.Problem(detail, instance, StatusCodes.Status503ServiceUnavailable, "IE state could not be read");
}
