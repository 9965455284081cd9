namespace Safe6G.Gateway.Datasets;

/// <summary>The query source failed or refused a window; carries a Prometheus-style error type and an HTTP status.</summary>
public sealed class DatasetSourceException(int status, string errorType, string message) : Exception(message)
{
    /// <summary>Status to answer with (the source's for 4xx, 502 for trouble reaching it).</summary>
    public int Status { get; } = status;

    /// <summary>Prometheus errorType.</summary>
    public string ErrorType { get; } = errorType;
}
