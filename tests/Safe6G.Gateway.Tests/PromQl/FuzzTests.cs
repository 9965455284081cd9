using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>Malformed input of every shape only ever produces <see cref="PromQlParseException"/>.</summary>
public sealed class FuzzTests
{
    [Fact]
    public void EveryTruncationOfEveryCorpusQueryParsesOrFailsCleanly()
    {
        var cases = 0;
        foreach (var e in Corpus.All)
        {
            for (var len = 0; len <= e.Query.Length; len++)
            {
                AssertParsesOrFailsCleanly(e.Query[..len]);
                cases++;
            }
        }

        Assert.True(cases > 5000, $"only {cases} truncations tried");
    }

    [Fact]
    public void RandomMutationsParseOrFailCleanly()
    {
        var rng = new Random(42);
        const string alphabet = "(){}[]\"'`\\,=!~<>+-*/%^@:#. \n0123456789aeEfghimnosxyz_é";
        var valid = Corpus.ValidOnes.Select(e => e.Query).ToArray();
        for (var i = 0; i < 20000; i++)
        {
            var chars = valid[rng.Next(valid.Length)].ToCharArray().ToList();
            var edits = rng.Next(1, 4);
            for (var k = 0; k < edits; k++)
            {
                var pos = rng.Next(chars.Count + 1);
                switch (rng.Next(3))
                {
                    case 0: chars.Insert(pos, alphabet[rng.Next(alphabet.Length)]); break;
                    case 1 when pos < chars.Count: chars.RemoveAt(pos); break;
                    case 2 when pos < chars.Count: chars[pos] = alphabet[rng.Next(alphabet.Length)]; break;
                }
            }

            AssertParsesOrFailsCleanly(new string([.. chars]));
        }
    }

    [Fact]
    public void DeepNestingFailsCleanlyOrParses()
    {
        AssertParsesOrFailsCleanly(new string('(', 2000) + "1" + new string(')', 2000));
        AssertParsesOrFailsCleanly(string.Concat(Enumerable.Repeat("-{}-1", 2000)));
        AssertParsesOrFailsCleanly("(" + string.Concat(Enumerable.Repeat("-{a=\"b\"}-1", 200)) + ")" + string.Concat(Enumerable.Repeat("[1m:]", 200)));
    }

    private static void AssertParsesOrFailsCleanly(string query)
    {
        try
        {
            var expr = Parser.Parse(query);
            // Whatever parses must print to something that parses again to the same tree.
            Assert.Equal(AstDump.Dump(expr), AstDump.Dump(Parser.Parse(Printer.Print(expr))));
        }
        catch (PromQlParseException e)
        {
            Assert.InRange(e.Position, 0, query.Length);
        }
    }
}
