using System.Security.Cryptography;
using System.Text;
using Safe6G.Testing;

namespace Safe6G.Dashboards.Tests;

/// <summary>
/// Every committed dashboard validates against Grafana's own Dashboard type: a JSON Schema generated from
/// @grafana/schema with ts-json-schema-generator, checked with ajv (node and the npm registry are needed; the
/// packages are installed once into a cache folder keyed by package.json).
/// </summary>
public sealed class GrafanaSchemaTests
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    [Fact]
    public async Task Committed_dashboards_validate_against_grafana_schema()
    {
        var files = Directory.GetFiles(Repo.GrafanaDir, "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(7, files.Length);
        var (code, output) = await ValidateAsync(files);
        Assert.True(code == 0, output);
        Assert.Equal(7, output.Split('\n').Count(l => l.Contains("\"valid\":true", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_broken_dashboard_is_rejected_so_the_check_can_fail()
    {
        using var dir = new TempDir("dash-schema");
        var broken = dir.Write("broken.json", """
            {"uid": "x", "title": "x", "panels": [{"id": 1, "gridPos": {"h": 1, "x": 0, "y": 0}}], "templating": {"list": [{"name": "v"}]}, "unknownField": 1}
            """);
        var (code, output) = await ValidateAsync([broken]);
        Assert.Equal(1, code);
        Assert.Contains("schemaVersion", output, StringComparison.Ordinal);
        Assert.Contains("unknownField", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> ValidateAsync(string[] files)
    {
        var tool = await ToolDirAsync();
        using var node = ManagedProcess.Start(Peers.Require("node"), [Path.Combine(tool, "validate.js"), .. files]);
        Assert.True(await node.WaitForExitAsync(TimeSpan.FromMinutes(2)), "node validate.js hung");
        await Task.Delay(50);
        return (node.ExitCode, node.Output);
    }

    private static async Task<string> ToolDirAsync()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Schema");
        var package = await File.ReadAllTextAsync(Path.Combine(source, "package.json"));
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(package)))[..12].ToLowerInvariant();
        var dir = Path.Combine(Path.GetTempPath(), $"safe6g-grafana-schema-{key}");
        await Install.WaitAsync();
        try
        {
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(source, "package.json"), Path.Combine(dir, "package.json"), overwrite: true);
            File.Copy(Path.Combine(source, "validate.js"), Path.Combine(dir, "validate.js"), overwrite: true);
            if (!File.Exists(Path.Combine(dir, "node_modules", "ajv", "package.json")))
            {
                using var npm = ManagedProcess.Start(Peers.Require("npm"), ["install", "--no-audit", "--no-fund", "--loglevel=error"], workingDirectory: dir);
                Assert.True(await npm.WaitForExitAsync(TimeSpan.FromMinutes(5)), "npm install hung");
                await Task.Delay(50);
                Assert.True(npm.ExitCode == 0, $"npm install in {dir} failed (needs the npm registry):\n{npm.Output}");
            }
        }
        finally
        {
            Install.Release();
        }
        return dir;
    }
}
