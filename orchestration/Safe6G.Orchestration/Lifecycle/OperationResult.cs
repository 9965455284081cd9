namespace Safe6G.Orchestration.Lifecycle;

/// <summary>How a lifecycle request ended, mapped by the API onto HTTP status codes.</summary>
public enum Outcome
{
    Accepted,
    Done,
    NotFound,
    Conflict,
    BadRequest,
}

/// <summary>The outcome of a lifecycle request and a sentence for the caller.</summary>
public sealed record OperationResult(Outcome Outcome, string Message)
{
    public static OperationResult Accepted(string message) => new(Outcome.Accepted, message);
    public static OperationResult NotFound(string message) => new(Outcome.NotFound, message);
    public static OperationResult Conflict(string message) => new(Outcome.Conflict, message);
}
