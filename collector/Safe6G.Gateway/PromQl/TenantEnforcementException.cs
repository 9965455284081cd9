namespace Safe6G.Gateway.PromQl;

/// <summary>A query asks for data outside its tenant (only raised in <see cref="EnforcementMode.Reject"/>).</summary>
public sealed class TenantEnforcementException(string message, int position) : InvalidOperationException(message)
{
    /// <summary>Character offset of the offending selector in the query.</summary>
    public int Position { get; } = position;
}
