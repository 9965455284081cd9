namespace Safe6G.Dashboards.Building;

/// <summary>A PromQL expression with its legend; template variables are written as <c>$name</c> inside regex matchers.</summary>
public sealed record Query(string Expr, string Legend = "");
