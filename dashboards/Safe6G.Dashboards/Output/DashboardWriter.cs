namespace Safe6G.Dashboards.Output;

/// <summary>Writes every dashboard of the catalogue to a folder as &lt;uid&gt;.json (what <c>safe6g dashboards build</c> does).</summary>
public static class DashboardWriter
{
    /// <summary>Writes the files and returns their paths in catalogue order; files are only rewritten when their text changed.</summary>
    public static IReadOnlyList<string> WriteAll(string outDir)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        foreach (var dashboard in DashboardCatalog.All())
        {
            var path = Path.Combine(outDir, DashboardFile.FileName(dashboard));
            var text = DashboardFile.Render(dashboard);
            if (!File.Exists(path) || File.ReadAllText(path) != text)
                File.WriteAllText(path, text);
            written.Add(path);
        }
        return written;
    }

    /// <summary>dashboards/grafana of the repository holding <paramref name="start"/> (found by Safe6G.sln), else dashboards/grafana under <paramref name="start"/>.</summary>
    public static string DefaultOutDir(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Safe6G.sln")))
                return Path.Combine(dir.FullName, "dashboards", "grafana");
        }
        return Path.Combine(start, "dashboards", "grafana");
    }
}
