using System.Globalization;
using System.Text;
using Safe6G.Gateway.PromQl;
using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>
/// Differential tests against the real Prometheus: random token soups must get the same verdict (and the same
/// error position), and random scalar arithmetic must evaluate to the same value, which pins precedence and
/// associativity to Prometheus's actual tree shapes. SEED and SOUPS environment variables widen the search
/// (SEED=2 SOUPS=40000 took 11 s here and found no difference).
/// </summary>
public sealed class DifferentialTests(PrometheusFixture prom) : IClassFixture<PrometheusFixture>
{
    private static readonly string[] Vocabulary =
    [
        "foo", "bar{a=\"b\"}", "{a=~\"x.*\"}", "(", ")", "[5m]", "[5m:1m]", "[1h:]", " offset 5m", " offset -1m", " @ 10",
        " @ start()", "+", "-", "*", "/", "%", "^", " atan2 ", " and ", " or ", " unless ", "==", "!=", ">", "<=", " bool ",
        " on(a) ", " ignoring(b) ", " group_left ", " group_right(c) ", "sum", "topk", "count_values", " by (a) ",
        " without (b) ", "rate(", "abs(", "vector(", "label_join(", "histogram_quantile(", "time()", ",", "1", "0.5",
        "\"s\"", "-1", "Inf", "NaN", " ", "#c\n",
    ];

    [Fact]
    public async Task RandomTokenSoupsGetPrometheussVerdictAndPosition()
    {
        var rng = new Random(int.Parse(Environment.GetEnvironmentVariable("SEED") ?? "20261203"));
        var queries = new HashSet<string>();
        while (queries.Count < int.Parse(Environment.GetEnvironmentVariable("SOUPS") ?? "3000"))
        {
            var sb = new StringBuilder();
            var n = rng.Next(1, 9);
            for (var i = 0; i < n; i++)
            {
                sb.Append(Vocabulary[rng.Next(Vocabulary.Length)]);
            }

            queries.Add(sb.ToString());
        }

        // Compositions of valid corpus queries: valid pieces joined by operators, modifiers and wrappers give
        // type errors and valid queries in about equal measure.
        var valid = Corpus.ValidOnes.Select(e => e.Query).ToArray();
        string[] joins = [" + ", " / on(a) group_left ", " and ", " or ignoring(b) ", " > bool ", " ^ ", " unless on() ", " atan2 "];
        string[] wraps = ["abs({0})", "sum by (a) ({0})", "({0})[5m:]", "{0} offset 5m", "rate({0})", "-{0}", "topk(2, {0})", "({0}) @ 10", "label_replace({0}, \"x\", \"$1\", \"y\", \"(.*)\")"];
        while (queries.Count < int.Parse(Environment.GetEnvironmentVariable("SOUPS") ?? "3000") + 1500)
        {
            var a = valid[rng.Next(valid.Length)];
            var b = valid[rng.Next(valid.Length)];
            var q = rng.Next(2) == 0 ? a + joins[rng.Next(joins.Length)] + b : string.Format(CultureInfo.InvariantCulture, wraps[rng.Next(wraps.Length)], a);
            queries.Add(q);
        }

        var accepted = 0;
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (q, ct) =>
        {
            var ours = Parser.TryParse(q, out _, out var err);
            var (theirs, _, theirError) = await prom.QueryAsync(q);
            if (ours != theirs)
            {
                problems.Add($"[{q}] ours={(ours ? "ok" : err!.Message)} prometheus={(theirs ? "ok" : theirError)}");
            }
            else if (ours)
            {
                Interlocked.Increment(ref accepted);
            }
            else if (!theirError.Contains($"\"query\": {err!.Line}:{err.Column}: parse error", StringComparison.Ordinal))
            {
                problems.Add($"[{q}] position: ours={err.Message} prometheus={theirError}");
            }
        });

        Assert.True(problems.IsEmpty, $"{problems.Count} differences:\n" + string.Join('\n', problems.Order(StringComparer.Ordinal).Take(40)));
        Assert.True(accepted > 500, $"only {accepted} random queries were valid; the generator is too weak");
    }

    [Fact]
    public async Task RandomScalarArithmeticEvaluatesLikePrometheus()
    {
        var rng = new Random(7);
        string[] ops = ["+", "-", "*", "/", "%", "^", "atan2", "== bool", "!= bool", "> bool", "<= bool"];
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        var cases = Enumerable.Range(0, 600).Select(_ => Gen(rng, ops, 4)).Distinct().ToList();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (q, ct) =>
        {
            var ours = Eval(Parser.Parse(q));
            var (ok, data, error) = await prom.QueryAsync(q);
            Assert.True(ok, error);
            var theirs = double.Parse(data.GetProperty("result")[1].GetString()!.Replace("+Inf", "Infinity", StringComparison.Ordinal).Replace("-Inf", "-Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            if (!(ours.Equals(theirs) || Math.Abs(ours - theirs) <= 1e-9 * Math.Max(1, Math.Abs(theirs))))
            {
                problems.Add($"{q}: ours={ours} prometheus={theirs}");
            }
        });
        Assert.True(problems.IsEmpty, string.Join('\n', problems.Take(30)));
    }

    private static string Gen(Random rng, string[] ops, int depth)
    {
        if (depth == 0 || rng.Next(4) == 0)
        {
            var n = rng.Next(1, 6).ToString(CultureInfo.InvariantCulture);
            return rng.Next(5) == 0 ? "-" + n : n;
        }

        var lhs = Gen(rng, ops, depth - 1);
        var rhs = Gen(rng, ops, depth - 1);
        var e = $"{lhs} {ops[rng.Next(ops.Length)]} {rhs}";
        return rng.Next(6) switch
        {
            0 => $"({e})",
            1 => $"-({e})",
            _ => e,
        };
    }

    // A scalar-only evaluator with Go's float semantics (math.Mod, math.Pow, math.Atan2).
    private static double Eval(Expr e) => e switch
    {
        NumberLiteral n => n.Value,
        ParenExpr p => Eval(p.Inner),
        UnaryExpr u => u.Op == TokenKind.Sub ? -Eval(u.Inner) : Eval(u.Inner),
        BinaryExpr b => Apply(b.Op, Eval(b.Lhs), Eval(b.Rhs)),
        _ => throw new InvalidOperationException(e.GetType().Name),
    };

    private static double Apply(TokenKind op, double l, double r) => op switch
    {
        TokenKind.Add => l + r,
        TokenKind.Sub => l - r,
        TokenKind.Mul => l * r,
        TokenKind.Div => l / r,
        TokenKind.Mod => l % r,
        TokenKind.Pow => Math.Pow(l, r),
        TokenKind.Atan2 => Math.Atan2(l, r),
        TokenKind.EqlC => l == r ? 1 : 0,
        TokenKind.Neq => l != r ? 1 : 0,
        TokenKind.Gtr => l > r ? 1 : 0,
        TokenKind.Lte => l <= r ? 1 : 0,
        _ => throw new InvalidOperationException(op.ToString()),
    };
}
