namespace Safe6G.Gateway.Auth;

/// <summary>Outcome of checking a bearer token: a caller, or why not (always a 401).</summary>
public sealed record AuthResult(Caller? Caller, string? Error)
{
    /// <summary>A refusal with its reason.</summary>
    public static AuthResult Fail(string error) => new(null, error);
}
