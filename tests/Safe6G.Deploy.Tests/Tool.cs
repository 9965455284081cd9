using System.Diagnostics;

namespace Safe6G.Deploy.Tests;

/// <summary>Runs an installed tool (promtool) and captures exit code and output.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}: {Output}";
    }

    public static Result Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 60 s");
        }

        return new Result(p.ExitCode, stdout.Result + stderr.Result);
    }

    public static Result Promtool(params string[] args) => Run("promtool", args);
}
