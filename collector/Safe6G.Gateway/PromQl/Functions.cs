using System.Collections.Frozen;
using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.PromQl;

/// <summary>The functions Prometheus 2.42 knows, with their argument and return types.</summary>
public static class Functions
{
    private const PromValueType S = PromValueType.Scalar;
    private const PromValueType V = PromValueType.Vector;
    private const PromValueType M = PromValueType.Matrix;
    private const PromValueType Str = PromValueType.String;

    /// <summary>Signatures by name (case-sensitive, as in Prometheus).</summary>
    public static readonly FrozenDictionary<string, FunctionInfo> All = Build().ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    private static IEnumerable<FunctionInfo> Build()
    {
        string[] vectorToVector =
        [
            "abs", "absent", "ceil", "exp", "floor", "ln", "log2", "log10", "sgn", "sqrt", "deg", "rad", "sort",
            "sort_desc", "timestamp", "histogram_count", "histogram_sum", "acos", "acosh", "asin", "asinh", "atan",
            "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
        ];
        foreach (var n in vectorToVector)
        {
            yield return new(n, [V], 0, V);
        }

        string[] rangeToVector =
        [
            "absent_over_time", "avg_over_time", "count_over_time", "last_over_time", "max_over_time", "min_over_time",
            "present_over_time", "stddev_over_time", "stdvar_over_time", "sum_over_time", "changes", "resets",
            "delta", "deriv", "idelta", "increase", "irate", "rate",
        ];
        foreach (var n in rangeToVector)
        {
            yield return new(n, [M], 0, V);
        }

        string[] optionalVector = ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"];
        foreach (var n in optionalVector)
        {
            yield return new(n, [V], 1, V);
        }

        yield return new("quantile_over_time", [S, M], 0, V);
        yield return new("clamp", [V, S, S], 0, V);
        yield return new("clamp_max", [V, S], 0, V);
        yield return new("clamp_min", [V, S], 0, V);
        yield return new("histogram_fraction", [S, S, V], 0, V);
        yield return new("histogram_quantile", [S, V], 0, V);
        yield return new("holt_winters", [M, S, S], 0, V);
        yield return new("label_replace", [V, Str, Str, Str, Str], 0, V);
        yield return new("label_join", [V, Str, Str, Str], -1, V);
        yield return new("predict_linear", [M, S], 0, V);
        yield return new("round", [V, S], 1, V);
        yield return new("vector", [S], 0, V);
        yield return new("scalar", [V], 0, S);
        yield return new("time", [], 0, S);
        yield return new("pi", [], 0, S);
    }
}
