using Safe6G.Dashboards.Output;
using Safe6G.Testing;

namespace Safe6G.Dashboards.Tests;

/// <summary>dashboards/grafana/*.json is what `safe6g dashboards build` writes today, byte for byte.</summary>
public sealed class CommittedJsonTests
{
    [Fact]
    public void Build_is_deterministic()
    {
        using var a = new TempDir("dash-a");
        using var b = new TempDir("dash-b");
        var first = DashboardWriter.WriteAll(a.Path);
        var second = DashboardWriter.WriteAll(b.Path);
        Assert.Equal(first.Select(Path.GetFileName), second.Select(Path.GetFileName));
        foreach (var (x, y) in first.Zip(second))
            Assert.Equal(File.ReadAllBytes(x), File.ReadAllBytes(y));
    }

    [Fact]
    public void Committed_files_equal_a_fresh_build()
    {
        using var fresh = new TempDir("dash-fresh");
        var built = DashboardWriter.WriteAll(fresh.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var committed = Directory.Exists(Repo.GrafanaDir)
            ? Directory.GetFiles(Repo.GrafanaDir, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.True(built.SequenceEqual(committed),
            $"dashboards/grafana holds [{string.Join(", ", committed)}] but a build gives [{string.Join(", ", built)}]; run `./safe6g dashboards build`");
        foreach (var name in built)
        {
            var expected = File.ReadAllText(Path.Combine(fresh.Path, name!));
            var actual = File.ReadAllText(Path.Combine(Repo.GrafanaDir, name!));
            Assert.True(expected == actual, $"dashboards/grafana/{name} differs from a fresh build: the model changed without `./safe6g dashboards build`");
        }
    }

    [Fact]
    public void Unchanged_files_are_not_rewritten()
    {
        using var dir = new TempDir("dash-mtime");
        var files = DashboardWriter.WriteAll(dir.Path);
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var f in files)
            File.SetLastWriteTimeUtc(f, stamp);
        DashboardWriter.WriteAll(dir.Path);
        Assert.All(files, f => Assert.Equal(stamp, File.GetLastWriteTimeUtc(f)));
    }
}
