namespace Safe6G.Testing;

/// <summary>Runs the real <c>safe6g</c> executable (the Collector project's build output) as a child process.</summary>
public static class SafeCli
{
    /// <summary>The repository root (the folder holding Safe6G.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Path of safe6g.dll built next to the tests (same configuration).</summary>
    public static string Dll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(RepoRoot, "collector", "Safe6G.Collector", "bin", configuration, "net10.0", "safe6g.dll");
            if (!File.Exists(dll))
                throw new InvalidOperationException($"safe6g is not built: {dll} is missing (run dotnet build Safe6G.sln)");
            return dll;
        }
    }

    /// <summary>Starts <c>safe6g</c> with arguments.</summary>
    public static ManagedProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ManagedProcess.Start("dotnet", [Dll, .. arguments], environment);

    /// <summary>Runs <c>safe6g</c> to completion and returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        if (!await process.WaitForExitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false))
            throw new TimeoutException($"safe6g {string.Join(' ', arguments)} did not finish:\n{process.Output}");
        await Task.Delay(50).ConfigureAwait(false);
        return (process.ExitCode, process.Output);
    }

    /// <summary>Runs <c>safe6g</c> to completion; returns exit code, stdout alone (for parsing) and all output (for messages).</summary>
    public static async Task<(int ExitCode, string StandardOutput, string Output)> RunSplitAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        if (!await process.WaitForExitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false))
            throw new TimeoutException($"safe6g {string.Join(' ', arguments)} did not finish:\n{process.Output}");
        await Task.Delay(50).ConfigureAwait(false);
        return (process.ExitCode, process.StandardOutput, process.Output);
    }

    /// <summary>Starts an exporter subcommand on a free port and waits for /-/ready.</summary>
    public static async Task<(ManagedProcess Process, string BaseUrl)> StartExporterAsync(string name, string configFile, params string[] extra)
    {
        var port = FreePort.Tcp();
        var process = Start(["exporter", name, "--config", configFile, "--listen", $"127.0.0.1:{port}", .. extra]);
        var baseUrl = $"http://127.0.0.1:{port}";
        try
        {
            await Http.WaitUntilOkAsync($"{baseUrl}/-/ready", TimeSpan.FromSeconds(30), () => process.Output).ConfigureAwait(false);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return (process, baseUrl);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safe6G.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Safe6G.sln not found above " + AppContext.BaseDirectory);
    }
}
