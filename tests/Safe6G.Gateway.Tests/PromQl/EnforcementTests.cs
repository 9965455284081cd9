using Safe6G.Gateway.PromQl;
using Safe6G.Gateway.PromQl.Ast;

namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>Tenant label enforcement: every selector gets the tenant's matchers; conflicts never widen access.</summary>
public sealed class EnforcementTests
{
    private static readonly LabelEnforcer Upv = new([new LabelMatcher("domain", MatchOp.Equal, "upv")]);
    private static readonly LabelEnforcer UpvStrict = new([new LabelMatcher("domain", MatchOp.Equal, "upv")], EnforcementMode.Reject);

    [Theory]
    [InlineData("up", "up{domain=\"upv\"}")]
    [InlineData("up{job=\"a\"}", "up{domain=\"upv\",job=\"a\"}")]
    [InlineData("sum by (job) (rate(http_requests_total[5m]))", "sum by (job) (rate(http_requests_total{domain=\"upv\"}[5m]))")]
    [InlineData("max_over_time(rate(x[5m])[1h:1m])", "max_over_time(rate(x{domain=\"upv\"}[5m])[1h:1m])")]
    [InlineData("up{domain=\"ncsrd\"} or up", "up{domain=\"ncsrd\",domain=\"upv\"} or up{domain=\"upv\"}")]
    [InlineData("up unless on (job) down", "up{domain=\"upv\"} unless on (job) down{domain=\"upv\"}")]
    [InlineData("{__name__=~\".+\"}", "{__name__=~\".+\",domain=\"upv\"}")]
    [InlineData("{__name__=~\".+\", domain=~\".*\"}", "{__name__=~\".+\",domain=\"upv\",domain=~\".*\"}")]
    [InlineData("absent(nonexistent{domain=\"ncsrd\"})", "absent(nonexistent{domain=\"ncsrd\",domain=\"upv\"})")]
    [InlineData("label_replace(up, \"domain\", \"ncsrd\", \"\", \"\")", "label_replace(up{domain=\"upv\"}, \"domain\", \"ncsrd\", \"\", \"\")")]
    [InlineData("up{domain=\"upv\"}", "up{domain=\"upv\"}")]
    [InlineData("rate(x[5m] offset 1h @ 100)", "rate(x{domain=\"upv\"}[5m] @ 100.000 offset 1h)")]
    [InlineData("1 + 1", "1 + 1")]
    [InlineData("vector(1) * on() group_left up", "vector(1) * on () group_left () up{domain=\"upv\"}")]
    public void InjectsIntoEverySelector(string query, string expected)
    {
        Assert.Equal(expected, Upv.EnforceQuery(query));
    }

    [Fact]
    public void EverySelectorOfEveryCorpusQueryCarriesTheTenantMatchersAfterPrintAndReparse()
    {
        var tenant = new LabelEnforcer([
            new LabelMatcher("domain", MatchOp.Regex, "upv|ncsrd"),
            new LabelMatcher("tenant", MatchOp.Equal, "a"),
        ]);
        var selectors = 0;
        foreach (var e in Corpus.ValidOnes)
        {
            var reparsed = Parser.Parse(tenant.EnforceQuery(e.Query));
            foreach (var vs in AstWalker.Selectors(reparsed))
            {
                selectors++;
                foreach (var m in tenant.Matchers)
                {
                    Assert.True(vs.Matchers.Contains(m), $"{e}: selector {Printer.Print(vs)} lacks {m}");
                }
            }
        }

        Assert.True(selectors > 300, $"only {selectors} selectors seen");
    }

    [Fact]
    public void ConflictingMatcherIsRefusedInRejectMode()
    {
        var e = Assert.Throws<TenantEnforcementException>(() => UpvStrict.EnforceQuery("sum(rate(x[5m])) + up{domain=\"ncsrd\"}"));
        Assert.Contains("domain=\"ncsrd\"", e.Message, StringComparison.Ordinal);
        Assert.Equal(19, e.Position);
        Assert.Throws<TenantEnforcementException>(() => UpvStrict.EnforceQuery("up{domain=~\"nc.*\"}"));
        Assert.Throws<TenantEnforcementException>(() => UpvStrict.EnforceQuery("up{domain!=\"upv\"}"));
    }

    [Theory]
    [InlineData("up{domain=\"upv\"}", "up{domain=\"upv\"}")]
    [InlineData("up{domain=~\"upv|ncsrd\"}", "up{domain=\"upv\",domain=~\"upv|ncsrd\"}")]
    [InlineData("up{domain!=\"ncsrd\"}", "up{domain!=\"ncsrd\",domain=\"upv\"}")]
    [InlineData("up{domain=~\".*\"}", "up{domain=\"upv\",domain=~\".*\"}")]
    public void CompatibleMatcherIsKeptInRejectMode(string query, string expected)
    {
        Assert.Equal(expected, UpvStrict.EnforceQuery(query));
    }

    [Fact]
    public void TenantMatchersThatAdmitMissingLabelsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new LabelEnforcer([]));
        Assert.Throws<ArgumentException>(() => new LabelEnforcer([new LabelMatcher("domain", MatchOp.Regex, "upv|")]));
        Assert.Throws<ArgumentException>(() => new LabelEnforcer([new LabelMatcher("domain", MatchOp.NotEqual, "ncsrd")]));
        Assert.Throws<ArgumentException>(() => new LabelEnforcer([new LabelMatcher("bad-name", MatchOp.Equal, "x")]));
    }

    [Fact]
    public void MatchSelectorsAreEnforcedAndDefaultToTheTenant()
    {
        Assert.Equal(["up{domain=\"upv\"}", "{domain=\"upv\",job=\"x\"}"], Upv.EnforceMatchSelectors(["up", "{job=\"x\"}"]));
        Assert.Equal(["{domain=\"upv\"}"], Upv.EnforceMatchSelectors([]));
        Assert.Equal(["{domain=\"upv\"}"], Upv.EnforceMatchSelectors(null));
        Assert.Throws<PromQlParseException>(() => Upv.EnforceMatchSelectors(["rate(x[5m])"]));
        Assert.Throws<PromQlParseException>(() => Upv.EnforceMatchSelectors(["up[5m]"]));
        Assert.Throws<PromQlParseException>(() => Upv.EnforceMatchSelectors(["up or down"]));
        Assert.Throws<PromQlParseException>(() => Upv.EnforceMatchSelectors(["{"]));
    }

    [Theory]
    [InlineData("domain=\"upv\"", "domain", MatchOp.Equal, "upv")]
    [InlineData("domain=~upv|ncsrd", "domain", MatchOp.Regex, "upv|ncsrd")]
    [InlineData(" domain != \"a\\\"b\" ", "domain", MatchOp.NotEqual, "a\"b")]
    [InlineData("job!~x.*", "job", MatchOp.NotRegex, "x.*")]
    public void TenantMatcherParsesFromConfigText(string text, string name, MatchOp op, string value)
    {
        Assert.Equal(new LabelMatcher(name, op, value), LabelMatcher.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("domain")]
    [InlineData("=upv")]
    [InlineData("domain=~\"(\"")]
    public void BadTenantMatcherTextIsAFormatError(string text)
    {
        Assert.ThrowsAny<FormatException>(() => LabelMatcher.Parse(text));
    }

    [Fact]
    public void EnforcingAParsedTreeMutatesItInPlace()
    {
        var expr = Parser.Parse("rate(x[5m])");
        Upv.Enforce(expr);
        var ms = Assert.IsType<MatrixSelector>(Assert.IsType<Call>(expr).Args[0]);
        Assert.Contains(new LabelMatcher("domain", MatchOp.Equal, "upv"), ms.Selector.Matchers);
    }

    [Fact]
    public void PathologicalUserRegexIsRefusedNotHungInRejectMode()
    {
        var tenant = new LabelEnforcer([new LabelMatcher("domain", MatchOp.Equal, new string('a', 40) + "b")], EnforcementMode.Reject);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<TenantEnforcementException>(() => tenant.EnforceQuery("up{domain=~\"(a|aa)*c\"}"));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
    }
}
