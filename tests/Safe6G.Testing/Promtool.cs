using System.Diagnostics;
using System.Text;

namespace Safe6G.Testing;

/// <summary>The real <c>promtool</c>: lint expositions, check configs and rules.</summary>
public static class Promtool
{
    /// <summary>Result of a promtool run: exit code (0 clean, 3 lint problems, 1 parse error) and its messages.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>The problem lines promtool printed.</summary>
        public IReadOnlyList<string> Problems => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Runs <c>promtool check metrics</c> on an exposition body.</summary>
    public static Task<Result> CheckMetricsAsync(string exposition) => RunAsync(["check", "metrics"], exposition);

    /// <summary>Runs <c>promtool check config</c> on a file.</summary>
    public static Task<Result> CheckConfigAsync(string file) => RunAsync(["check", "config", file], null);

    /// <summary>Runs <c>promtool check rules</c> on files.</summary>
    public static Task<Result> CheckRulesAsync(params string[] files) => RunAsync(["check", "rules", .. files], null);

    /// <summary>
    /// Keeps only the families whose name starts with one of <paramref name="prefixes"/>: prometheus-net's
    /// built-in runtime families are not lint-clean and are not ours to judge.
    /// </summary>
    public static string OnlyFamilies(string exposition, params string[] prefixes)
    {
        var kept = new StringBuilder();
        foreach (var line in exposition.Split('\n'))
        {
            var name = line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal)
                ? line[7..].Split(' ')[0]
                : line.Split('{', ' ')[0];
            if (line == "# EOF" || prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
                kept.Append(line).Append('\n');
        }
        return kept.ToString();
    }

    private static async Task<Result> RunAsync(string[] args, string? stdin)
    {
        var info = new ProcessStartInfo(Peers.Require("promtool"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start promtool");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
        process.StandardInput.Close();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return new Result(process.ExitCode, (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false)));
    }
}
