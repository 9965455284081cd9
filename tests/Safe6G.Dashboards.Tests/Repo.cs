namespace Safe6G.Dashboards.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string GrafanaDir => Path.Combine(Root, "dashboards", "grafana");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Safe6G.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Safe6G.sln above {AppContext.BaseDirectory}");
    }
}
