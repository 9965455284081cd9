namespace Safe6G.Gateway.Tests.PromQl;

/// <summary>One corpus row: the query and what the real Prometheus 2.42 said about it.</summary>
public sealed record CorpusEntry(string Query, bool Valid, string? Position, string? Message)
{
    public override string ToString() => Query.Replace("\n", "⏎", StringComparison.Ordinal);
}

/// <summary>Reads PromQl/corpus.expected.tsv (copied next to the test assembly).</summary>
public static class Corpus
{
    private static readonly Lazy<IReadOnlyList<CorpusEntry>> Rows = new(Load);

    public static IReadOnlyList<CorpusEntry> All => Rows.Value;

    public static IEnumerable<CorpusEntry> ValidOnes => All.Where(e => e.Valid);

    public static IEnumerable<CorpusEntry> InvalidOnes => All.Where(e => !e.Valid);

    public static TheoryData<string> ValidQueries() => [.. ValidOnes.Select(e => e.Query)];

    public static TheoryData<string, string, string> InvalidQueries()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var e in InvalidOnes)
        {
            data.Add(e.Query, e.Position!, e.Message!);
        }

        return data;
    }

    private static IReadOnlyList<CorpusEntry> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "PromQl", "corpus.expected.tsv");
        var list = new List<CorpusEntry>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t', 4);
            var query = f[3].Replace("⏎", "\n", StringComparison.Ordinal);
            list.Add(f[0] == "OK"
                ? new CorpusEntry(query, true, null, null)
                : new CorpusEntry(query, false, f[1], f[2].Replace("⏎", "\n", StringComparison.Ordinal)));
        }

        return list;
    }
}
