namespace Safe6G.Deploy.Tests;

/// <summary>Generates the shipped two-domain example once per test class.</summary>
public sealed class ExampleFixture
{
    public ExampleFixture()
    {
        OutDir = TestPaths.NewTempDir();
        Result = ContinuumGenerator.Generate(TestPaths.Example, OutDir);
    }

    public string OutDir { get; }

    public GenerationResult Result { get; }

    public string PathOf(string relative) => Path.Combine(OutDir, relative);

    public IEnumerable<string> Matching(string suffix) =>
        Result.Files.Where(f => f.EndsWith(suffix, StringComparison.Ordinal)).Select(PathOf);
}
