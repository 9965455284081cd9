namespace Safe6G.Deploy.Tests;

/// <summary>Same input, same bytes: generated files can be committed and diffed.</summary>
public class DeterminismTests
{
    [Fact]
    public void SameContinuumGivesByteIdenticalOutput()
    {
        var a = TestPaths.NewTempDir();
        var b = TestPaths.NewTempDir();

        var first = ContinuumGenerator.Generate(TestPaths.Example, a);
        var second = ContinuumGenerator.Generate(TestPaths.Example, b);

        Assert.Equal(first.Files, second.Files);
        Assert.Equal(Files(a), Files(b));
        Assert.True(first.Files.Count >= 30, $"only {first.Files.Count} files");
        foreach (var f in first.Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
        }
    }

    [Fact]
    public void FileListIsSortedOrdinally()
    {
        var result = ContinuumGenerator.Generate(TestPaths.Example, TestPaths.NewTempDir());
        Assert.Equal(result.Files.Order(StringComparer.Ordinal), result.Files);
    }

    [Fact]
    public void ADifferentContinuumChangesTheOutput()
    {
        var dir = TestPaths.NewTempDir();
        var changed = Path.Combine(dir, "two-domains.yaml");
        File.WriteAllText(changed, File.ReadAllText(TestPaths.Example).Replace("scrapeInterval: 30s", "scrapeInterval: 15s", StringComparison.Ordinal));
        var a = ContinuumGenerator.Generate(TestPaths.Example, Path.Combine(dir, "a"));
        var b = ContinuumGenerator.Generate(changed, Path.Combine(dir, "b"));
        const string Config = "domains/upv/prometheus/prometheus-0.yml";
        Assert.NotEqual(File.ReadAllText(Path.Combine(a.OutDir, Config)), File.ReadAllText(Path.Combine(b.OutDir, Config)));
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}

/// <summary>Regenerating into the same folder removes what the continuum no longer produces, and nothing else.</summary>
public class RegenerationTests
{
    [Fact]
    public void StaleGeneratedFilesGoForeignFilesStay()
    {
        var dir = TestPaths.NewTempDir();
        var outDir = Path.Combine(dir, "out");
        var first = Path.Combine(dir, "first.yaml");
        File.WriteAllText(first, ContinuumText.Valid);
        ContinuumGenerator.Generate(first, outDir);
        Assert.True(File.Exists(Path.Combine(outDir, "domains/beta/prometheus/prometheus-0.yml")));
        var mine = Path.Combine(outDir, "domains/beta/notes.txt");
        File.WriteAllText(mine, "kept");

        // Drop domain beta.
        var second = Path.Combine(dir, "second.yaml");
        var text = ContinuumText.Valid;
        File.WriteAllText(second, text[..text.IndexOf("  - name: beta", StringComparison.Ordinal)]);
        var result = ContinuumGenerator.Generate(second, outDir);

        Assert.False(File.Exists(Path.Combine(outDir, "domains/beta/prometheus/prometheus-0.yml")));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(Path.Combine(outDir, "domains/alpha/prometheus/prometheus-0.yml")));
        Assert.Equal(result.Files, File.ReadAllLines(Path.Combine(outDir, ".safe6g-generated")));
    }
}
