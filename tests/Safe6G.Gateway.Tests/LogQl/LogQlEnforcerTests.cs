using Safe6G.Gateway.LogQl;
using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.Tests.LogQl;

/// <summary>LogQL stream selectors get the tenant's matchers; pipelines stay byte-for-byte the same.</summary>
public sealed class LogQlEnforcerTests
{
    private static readonly LogQlEnforcer Upv = new([new LabelMatcher("domain", MatchOp.Equal, "upv")]);

    [Theory]
    [InlineData("{app=\"a\"}", "{app=\"a\", domain=\"upv\"}")]
    [InlineData("{ app = \"a\" , env=~\"prod|dev\" }", "{app=\"a\", env=~\"prod|dev\", domain=\"upv\"}")]
    [InlineData("{app=\"a\"} |= \"error\" | json | line_format \"{{.msg}}\"", "{app=\"a\", domain=\"upv\"} |= \"error\" | json | line_format \"{{.msg}}\"")]
    [InlineData("sum by (x)(count_over_time({app=\"a\"} |= \"e\" [5m]))", "sum by (x)(count_over_time({app=\"a\", domain=\"upv\"} |= \"e\" [5m]))")]
    [InlineData("sum(rate({a=\"1\"}[1m])) / sum(rate({b=\"2\"} |~ `x{2}` [1m]))", "sum(rate({a=\"1\", domain=\"upv\"}[1m])) / sum(rate({b=\"2\", domain=\"upv\"} |~ `x{2}` [1m]))")]
    [InlineData("{app=\"a\"} | label_format y=\"{{.z}}\" | logfmt | status >= 400", "{app=\"a\", domain=\"upv\"} | label_format y=\"{{.z}}\" | logfmt | status >= 400")]
    [InlineData("{app=\"a\"} |= \"\\\"{\\\"\" # a comment with {evil=\"x\"}", "{app=\"a\", domain=\"upv\"} |= \"\\\"{\\\"\" # a comment with {evil=\"x\"}")]
    [InlineData("{domain=\"ncsrd\"}", "{domain=\"ncsrd\", domain=\"upv\"}")]
    [InlineData("{app=\"a\", domain=\"upv\"}", "{app=\"a\", domain=\"upv\"}")]
    [InlineData("quantile_over_time(0.99, {app=\"a\"} | unwrap latency [5m]) by (pod)", "quantile_over_time(0.99, {app=\"a\", domain=\"upv\"} | unwrap latency [5m]) by (pod)")]
    [InlineData("vector(1)", "vector(1)")]
    public void InjectsIntoEveryStreamSelectorOnly(string query, string expected)
    {
        Assert.Equal(expected, Upv.Enforce(query));
    }

    [Fact]
    public void ScannerFindsSelectorPositions()
    {
        var q = "sum(rate({a=\"1\"}[1m])) or sum(rate({b=~\"x\"}[1m]))";
        var found = StreamSelectorScanner.Scan(q);
        Assert.Equal(2, found.Count);
        Assert.Equal("{a=\"1\"}", q[found[0].Start..found[0].End]);
        Assert.Equal("{b=~\"x\"}", q[found[1].Start..found[1].End]);
        Assert.Equal(MatchOp.Regex, found[1].Matchers[0].Type);
    }

    [Theory]
    [InlineData("{app=\"a\"", 8, "unexpected end of input inside stream selector")]
    [InlineData("{}", 0, "stream selector needs at least one label matcher")]
    [InlineData("app=\"a\"}", 7, "unexpected '}'")]
    [InlineData("{app=a}", 5, "expected a quoted value for label \"app\"")]
    [InlineData("{app=\"a\" env=\"b\"}", 9, "expected ',' or '}' in stream selector")]
    [InlineData("{app=\"a\",}", 9, "expected a label name in stream selector, got '}'")]
    [InlineData("{app>\"a\"}", 4, "expected =, !=, =~ or !~ after label \"app\"")]
    [InlineData("sum(count_over_time({a=\"b\"}[5m])", 3, "unclosed left parenthesis")]
    [InlineData("count_over_time({a=\"b\"}[5m)", 26, "unexpected ')'")]
    [InlineData("{a='b'}", 3, "expected a quoted value for label \"a\"")]
    [InlineData("{a=\"b\"} != 'x'", 11, "single-quoted strings are not LogQL; use \"...\" or `...`")]
    [InlineData("{a=\"b\"} |= \"x", 11, "unterminated quoted string")]
    [InlineData("{a=\"b\"} |= `x", 11, "unterminated raw string")]
    [InlineData("{a=~\"(\"}", 1, "error parsing regexp")]
    [InlineData("{a=\"\\q\"}", 3, "invalid escape sequence in string")]
    [InlineData("{a=\"b\", {c=\"d\"}}", 8, "expected a label name in stream selector, got '{'")]
    public void MalformedQueriesGiveLocatedErrors(string query, int position, string reason)
    {
        var e = Assert.Throws<LogQlParseException>(() => Upv.Enforce(query));
        Assert.Equal(position, e.Position);
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
        Assert.StartsWith("1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectModeRefusesAnotherTenantsStreams()
    {
        var strict = new LogQlEnforcer([new LabelMatcher("domain", MatchOp.Equal, "upv")], EnforcementMode.Reject);
        Assert.Throws<TenantEnforcementException>(() => strict.Enforce("{app=\"a\", domain=\"ncsrd\"}"));
        Assert.Equal("{domain=\"upv\"}", strict.Enforce("{domain=\"upv\"}"));
    }

    [Fact]
    public void TruncationsAndMutationsOnlyEverGiveTheParseError()
    {
        string[] queries =
        [
            "sum by (x)(count_over_time({app=\"a\"} |= \"e\" [5m]))",
            "{app=\"a\", env=~\"p.*\"} |= `x{` | json | line_format \"{{.msg}}\" # c {",
            "sum(rate({a=\"1\"}[1m])) / sum(rate({b=\"2\\\"\"}[1m]))",
        ];
        var rng = new Random(7);
        var tried = 0;
        foreach (var q in queries)
        {
            for (var len = 0; len <= q.Length; len++)
            {
                Check(q[..len]);
                tried++;
            }

            for (var i = 0; i < 3000; i++)
            {
                var chars = q.ToCharArray();
                chars[rng.Next(chars.Length)] = "{}()[]\"'`\\#,=!~ a"[rng.Next(17)];
                Check(new string(chars));
                tried++;
            }
        }

        Assert.True(tried > 9000);

        static void Check(string query)
        {
            try
            {
                var rewritten = Upv.Enforce(query);
                // Whatever is accepted must come back with the tenant in every selector.
                Assert.All(StreamSelectorScanner.Scan(rewritten), s =>
                    Assert.Contains(new LabelMatcher("domain", MatchOp.Equal, "upv"), s.Matchers));
            }
            catch (LogQlParseException e)
            {
                Assert.InRange(e.Position, 0, query.Length);
            }
        }
    }

    [Fact]
    public void SeriesSelectorsAreEnforcedAndDefaultToTheTenant()
    {
        Assert.Equal(["{app=\"a\", domain=\"upv\"}"], Upv.EnforceSelectors([" {app=\"a\"} "]));
        Assert.Equal(["{domain=\"upv\"}"], Upv.EnforceSelectors(null));
        Assert.Throws<LogQlParseException>(() => Upv.EnforceSelectors(["{app=\"a\"} |= \"x\""]));
        Assert.Throws<LogQlParseException>(() => Upv.EnforceSelectors(["{a=\"1\"} or {b=\"2\"}"]));
        Assert.Throws<LogQlParseException>(() => Upv.EnforceSelectors(["app"]));
    }
}
