namespace Safe6G.Gateway.Proxy;

/// <summary>A request the gateway refuses as malformed (400 bad_data) before it reaches an upstream.</summary>
public sealed class BadRequestException(string message) : Exception(message);
