using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.LogQl;

/// <summary>One stream selector found in a LogQL query: where it is ({ to }) and its matchers.</summary>
public sealed record StreamSelector(int Start, int End, IReadOnlyList<LabelMatcher> Matchers);
