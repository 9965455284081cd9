namespace Safe6G.Deploy.Tests;

/// <summary>Locates the repository and makes throw-away directories for generated output.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Example => Path.Combine(RepoRoot, "thanos", "examples", "two-domains.yaml");

    public static string Charts => Path.Combine(RepoRoot, "charts");

    private static readonly string TempRoot = MakeTempRoot();

    public static string NewTempDir()
    {
        var dir = Path.Combine(TempRoot, Guid.NewGuid().ToString("N"));
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

    // One folder per test run; folders left by runs older than an hour are removed so /tmp does not fill up.
    private static string MakeTempRoot()
    {
        var parent = Path.Combine(Path.GetTempPath(), "safe6g-deploy-tests");
        Directory.CreateDirectory(parent);
        foreach (var old in new DirectoryInfo(parent).EnumerateDirectories().Where(d => d.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1)))
        {
            try
            {
                old.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Another run may still hold it; the next run tries again.
            }
        }

        var root = Path.Combine(parent, $"run-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddHHmmss}");
        Directory.CreateDirectory(root);
        return root;
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
