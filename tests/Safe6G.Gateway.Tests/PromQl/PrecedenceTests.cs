using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>Tree shapes for precedence, associativity, unary minus and postfix modifiers.</summary>
public sealed class PrecedenceTests
{
    [Theory]
    [InlineData("a + b * c", "(bin Add (vs a) (bin Mul (vs b) (vs c)))")]
    [InlineData("a * b + c", "(bin Add (bin Mul (vs a) (vs b)) (vs c))")]
    [InlineData("a - b - c", "(bin Sub (bin Sub (vs a) (vs b)) (vs c))")]
    [InlineData("a / b / c", "(bin Div (bin Div (vs a) (vs b)) (vs c))")]
    [InlineData("a ^ b ^ c", "(bin Pow (vs a) (bin Pow (vs b) (vs c)))")]
    [InlineData("a or b and c unless d", "(bin Or (vs a) (bin Unless (bin And (vs b) (vs c)) (vs d)))")]
    [InlineData("a == b + c", "(bin EqlC (vs a) (bin Add (vs b) (vs c)))")]
    [InlineData("a atan2 b ^ c", "(bin Atan2 (vs a) (bin Pow (vs b) (vs c)))")]
    [InlineData("a > b and c", "(bin And (bin Gtr (vs a) (vs b)) (vs c))")]
    [InlineData("-a ^ b", "(unary Sub (bin Pow (vs a) (vs b)))")]
    [InlineData("-a * b", "(bin Mul (unary Sub (vs a)) (vs b))")]
    [InlineData("-1 ^ 2", "(unary Sub (bin Pow (num 1) (num 2)))")]
    [InlineData("-1 * 2", "(bin Mul (num -1) (num 2))")]
    [InlineData("2 ^ -1", "(bin Pow (num 2) (num -1))")]
    [InlineData("a + b offset 5m", "(bin Add (vs a) (vs b offset=300000))")]
    [InlineData("-a offset 5m", "(unary Sub (vs a offset=300000))")]
    [InlineData("a + b @ 10", "(bin Add (vs a) (vs b at=Timestamp:10000))")]
    [InlineData("sum(a + b)[5m:]", "(sq 300000:0 (agg Sum by [] (bin Add (vs a) (vs b))))")]
    public void ParsesToTheExpectedShape(string query, string expected)
    {
        Assert.Equal(expected, Simplify(AstDump.Dump(Parser.Parse(query))));
    }

    [Fact]
    public void AggregationModifierMayComeBeforeOrAfterTheBody()
    {
        Assert.Equal(AstDump.Dump(Parser.Parse("sum by (a, b) (x)")), AstDump.Dump(Parser.Parse("sum(x) by (a, b)")));
        Assert.Equal("sum by (a, b) (x)", Printer.Print(Parser.Parse("sum(x) by (a,b,)")));
        Assert.Equal("topk without (c) (5, x)", Printer.Print(Parser.Parse("topk(5, x) without (c)")));
    }

    [Theory]
    [InlineData("foo offset 90m", "foo offset 1h30m")]
    [InlineData("foo offset -7d", "foo offset -1w")]
    [InlineData("foo[1d] @ 1.5", "foo[1d] @ 1.500")]
    [InlineData("foo[10m:] @ end() offset 1h", "foo[10m:] @ end() offset 1h")]
    [InlineData("x{b=\"2\", a=~\"1\"}", "x{a=~\"1\",b=\"2\"}")]
    [InlineData("a + on(x) group_left(y) b", "a + on (x) group_left (y) b")]
    [InlineData("a + ignoring() group_right b", "a + ignoring () group_right () b")]
    [InlineData("0x10 + 010", "16 + 8")]
    [InlineData("'\\u00e9\\n\"'", "\"é\\n\\\"\"")]
    public void PrintsLikePrometheus(string query, string printed)
    {
        Assert.Equal(printed, Printer.Print(Parser.Parse(query)));
    }

    private static string Simplify(string dump) =>
        dump.Replace(" offset=0", string.Empty, StringComparison.Ordinal)
            .Replace(" at=None:0", string.Empty, StringComparison.Ordinal)
            .Replace(" - ", " ", StringComparison.Ordinal);
}
