using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Portal.Hosting;

/// <summary>Serves the embedded wwwroot files (only those: the names come from the assembly, never from the path).</summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, (byte[] Body, string Type)> Files = Load();

    public static IResult Serve(string name) =>
        Files.TryGetValue(name, out var f) ? Results.Bytes(f.Body, f.Type) : Results.NotFound();

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var name = resource["wwwroot/".Length..];
            files[name] = (memory.ToArray(), Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".ico" => "image/x-icon",
                _ => "application/octet-stream",
            });
        }
        return files;
    }
}
