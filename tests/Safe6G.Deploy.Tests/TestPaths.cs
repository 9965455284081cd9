namespace Safe6G.Deploy.Tests;

/// <summary>Locates the repository and makes throw-away directories for generated output.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Example => Path.Combine(RepoRoot, "thanos", "examples", "two-domains.yaml");

    public static string Charts => Path.Combine(RepoRoot, "charts");

    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "safe6g-deploy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes a continuum text to a temp file and returns its path.</summary>
    public static string WriteContinuum(string yaml)
    {
        var path = Path.Combine(NewTempDir(), "continuum.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safe6G.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Safe6G.sln not found above " + AppContext.BaseDirectory);
    }
}
