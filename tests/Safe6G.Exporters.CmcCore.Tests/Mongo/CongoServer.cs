using System.Diagnostics;
using Safe6G.Testing;

namespace Safe6G.Exporters.CmcCore.Tests.Mongo;

/// <summary>
/// CongoDB, the MongoDB-wire-compatible test server of feasibility.md §4, as a child process on a loopback port
/// (installed by mongo/install.sh on first use). It cannot be started → the test fails saying why; never a skip.
/// Known gaps: no unique-index enforcement, TTL never expires, no time-series collections.
/// </summary>
internal sealed class CongoServer : IDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private ManagedProcess? _process;

    private CongoServer(int port) => Port = port;

    /// <summary>The port; a restart reuses it so clients reconnect to the same address.</summary>
    public int Port { get; }

    /// <summary>Connection string for MongoDB.Driver.</summary>
    public string ConnectionString => $"mongodb://127.0.0.1:{Port}/?directConnection=true";

    private static string Folder => Path.Combine(SafeCli.RepoRoot, "tests", "Safe6G.Exporters.CmcCore.Tests", "mongo");

    /// <summary>Installs (if needed) and starts a server on a free port.</summary>
    public static async Task<CongoServer> StartAsync()
    {
        await EnsureInstalledAsync().ConfigureAwait(false);
        var server = new CongoServer(FreePort.Tcp());
        await server.RestartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Kills the server (by PID), as a crash would.</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port (its in-memory data is gone, as after a crash without persistence).</summary>
    public async Task RestartAsync()
    {
        Kill();
        var process = ManagedProcess.Start(Peers.Require("node"), ["congo-start.mjs", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], workingDirectory: Folder);
        var deadline = Stopwatch.StartNew();
        while (!process.Output.Contains("ready", StringComparison.Ordinal))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                var output = process.Output;
                process.Dispose();
                throw new InvalidOperationException($"CongoDB did not start on 127.0.0.1:{Port} (see {Folder}/install.sh):\n{output}");
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
        _process = process;
    }

    /// <inheritdoc />
    public void Dispose() => Kill();

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", "@push.rocks", "smartmongo", "dist_ts", "congodb", "index.js")))
                return;
            using var install = ManagedProcess.Start("bash", [Path.Combine(Folder, "install.sh")], workingDirectory: Folder);
            if (!await install.WaitForExitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false) || install.ExitCode != 0)
                throw new InvalidOperationException(
                    $"CongoDB (the MongoDB wire-compatible test server) could not be installed with {Folder}/install.sh; "
                    + $"the Mongo sink tests need it (or set MONGODB_URI for a real server):\n{install.Output}");
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
