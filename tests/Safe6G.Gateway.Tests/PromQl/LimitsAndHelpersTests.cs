using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>Depth limits against stack exhaustion, and the duration/string helpers.</summary>
public sealed class LimitsAndHelpersTests
{
    [Theory]
    [InlineData(100_000, "(", ")")]
    [InlineData(100_000, "-", "")]
    [InlineData(100_000, "1+", "")]
    [InlineData(100_000, "2^", "")]
    [InlineData(100_000, "abs(", ")")]
    [InlineData(100_000, "sum(", ")")]
    public void HugeNestingIsARejectedQueryNotACrash(int n, string open, string close)
    {
        var q = string.Concat(Enumerable.Repeat(open, n)) + "foo" + string.Concat(Enumerable.Repeat(close, n));
        var e = Assert.Throws<PromQlParseException>(() => Parser.Parse(q));
        Assert.Contains("nests too deeply", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ModerateNestingStillParses()
    {
        var q = string.Concat(Enumerable.Repeat("abs(", 200)) + "foo" + new string(')', 200);
        Assert.Equal(q, Printer.Print(Parser.Parse(q)).Replace(" ", string.Empty, StringComparison.Ordinal));
        Parser.Parse(string.Join(" + ", Enumerable.Repeat("foo", 400)));
    }

    [Theory]
    [InlineData("5m", 300_000L)]
    [InlineData("1h30m", 5_400_000L)]
    [InlineData("1y2w3d4h5m6s7ms", 31_536_000_000L + 1_209_600_000L + 259_200_000L + 14_400_000L + 300_000L + 6_000L + 7L)]
    [InlineData("0", 0L)]
    [InlineData("0s", 0L)]
    [InlineData("1000ms", 1000L)]
    public void DurationsParse(string text, long ms)
    {
        Assert.True(Durations.TryParse(text, out var got, out var error), error);
        Assert.Equal(ms, got);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("5m1h")]
    [InlineData("5m5m")]
    [InlineData("1.5m")]
    [InlineData("5y1hs")]
    [InlineData("5x")]
    public void BadDurationsAreRefused(string text)
    {
        Assert.False(Durations.TryParse(text, out _, out var error));
        Assert.Equal($"not a valid duration string: \"{text}\"", error);
    }

    [Fact]
    public void DurationOverflowIsReported()
    {
        Assert.False(Durations.TryParse("9999999999999999y", out _, out var error));
        Assert.Equal("duration out of range", error);
    }

    [Theory]
    [InlineData(90L * 60 * 1000, "1h30m")]
    [InlineData(90L * 24 * 3600 * 1000, "90d")]
    [InlineData(14L * 24 * 3600 * 1000, "2w")]
    [InlineData(365L * 24 * 3600 * 1000, "1y")]
    [InlineData(1500L, "1s500ms")]
    [InlineData(-300_000L, "-5m")]
    [InlineData(0L, "0s")]
    public void DurationsFormatLikeModelDuration(long ms, string text)
    {
        Assert.Equal(text, Durations.Format(ms));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("tab\tnewline\nbell\a\u0001\u007f")]
    [InlineData("unicode é 炬 😀")]
    [InlineData("\u200b zero width")]
    public void QuotedStringsRoundTripThroughTheParser(string value)
    {
        var quoted = GoString.Quote(value);
        var parsed = Assert.IsType<Safe6G.Gateway.PromQl.Ast.StringLiteral>(Parser.Parse(quoted));
        Assert.Equal(value, parsed.Value);
    }
}
