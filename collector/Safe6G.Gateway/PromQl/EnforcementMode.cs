namespace Safe6G.Gateway.PromQl;

/// <summary>What to do when a query already has a matcher on a label the tenant is restricted on.</summary>
public enum EnforcementMode
{
    /// <summary>
    /// Keep the user's matchers and add the tenant's (logical AND). Prometheus intersects all matchers on a
    /// label, so the result is never wider than the tenant's set and never wider than what the user asked:
    /// domain="ncsrd" for a upv tenant simply selects nothing. This is the default.
    /// </summary>
    Intersect,

    /// <summary>
    /// Like prom-label-proxy's -error-on-replace: a user matcher on an enforced label that the tenant's matcher
    /// could contradict is refused with <see cref="TenantEnforcementException"/>, so the caller gets a clear error.
    /// </summary>
    Reject,
}
