namespace Safe6G.Orchestration.Continuum;

/// <summary>The IE state could not be read (Prometheus down, slow, or answering with an error); the message says what and where.</summary>
public sealed class ContinuumReadException(string message, Exception? inner = null) : Exception(message, inner);
