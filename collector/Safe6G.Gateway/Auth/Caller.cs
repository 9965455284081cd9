namespace Safe6G.Gateway.Auth;

/// <summary>An authenticated caller: the tenant its token names and the scopes/roles it grants.</summary>
public sealed record Caller(string Tenant, IReadOnlySet<string> Scopes, string Subject);
