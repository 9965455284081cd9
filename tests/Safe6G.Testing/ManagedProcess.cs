using System.Diagnostics;
using System.Text;

namespace Safe6G.Testing;

/// <summary>A child process whose output is kept for failure messages and which is killed (by PID, whole tree) on dispose.</summary>
public sealed class ManagedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();

    private ManagedProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Exit code (after exit).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>
    /// Only what the process wrote to stdout. The two pipes are read on separate threads, so in <see cref="Output"/>
    /// a stderr line can land in the middle of a multi-line stdout document; parse this instead.
    /// </summary>
    public string StandardOutput
    {
        get
        {
            lock (_standardOutput)
                return _standardOutput.ToString();
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with arguments and optional environment.</summary>
    public static ManagedProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            managed.Append(e.Data);
            managed.AppendStandardOutput(e.Data);
        };
        process.ErrorDataReceived += (_, e) => managed.Append(e.Data);
        if (!process.Start())
            throw new InvalidOperationException($"could not start {fileName}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>Waits for exit up to <paramref name="timeout"/>; returns false when still running.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends a POSIX signal (e.g. SIGHUP = 1, SIGTERM = 15).</summary>
    public void Signal(int signal) => Process.Start("kill", [$"-{signal}", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Append(string? line) => AppendTail(_output, line);

    private void AppendStandardOutput(string? line) => AppendTail(_standardOutput, line);

    private static void AppendTail(StringBuilder buffer, string? line)
    {
        if (line is null)
            return;
        lock (buffer)
        {
            // Keep the tail only: a chatty child must not eat the test's memory.
            if (buffer.Length > 256 * 1024)
                buffer.Remove(0, 128 * 1024);
            buffer.AppendLine(line);
        }
    }
}
