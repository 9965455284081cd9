namespace Safe6G.Exporters.Sdk.Sources;

/// <summary>
/// An upstream failure a source understood (bad status, malformed body, auth refused). <see cref="Reason"/>
/// becomes the <c>reason</c> label of the upstream error counter, so keep it to a few fixed words.
/// </summary>
public class UpstreamException : Exception
{
    /// <summary>Creates the exception with a short machine reason and a human message.</summary>
    public UpstreamException(string reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    /// <summary>A fixed, low-cardinality reason such as <c>http_status</c>, <c>malformed</c>, <c>auth</c>, <c>connect</c>.</summary>
    public string Reason { get; }
}
