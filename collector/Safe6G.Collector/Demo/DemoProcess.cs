using System.Diagnostics;

namespace Safe6G.Collector.Demo;

/// <summary>One process the demo started: its output goes to a log file, and it is stopped (whole tree) with the demo.</summary>
internal sealed class DemoProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private DemoProcess(string name, Process process, StreamWriter log, string logFile)
    {
        Name = name;
        _process = process;
        _log = log;
        LogFile = logFile;
    }

    public string Name { get; }

    public string LogFile { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>, logging to <c>logs/NAME.log</c>.</summary>
    public static DemoProcess Start(string name, string fileName, IEnumerable<string> arguments, string logDir, IReadOnlyDictionary<string, string>? environment = null)
    {
        var logFile = Path.Combine(logDir, $"{name}.log");
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["MIBS"] = "";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void Write(string? line)
        {
            if (line is null)
                return;
            lock (log)
                log.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new DemoProcess(name, process, log, logFile);
    }

    /// <summary>The last lines of the log, for error messages.</summary>
    public string Tail(int lines = 15)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>
    /// Stops several processes within one grace period: SIGTERM to all (in the given order, one <c>kill</c> call),
    /// then a shared wait, then the process tree of any that are left is killed. Sequential stops could take the
    /// grace time once per process.
    /// </summary>
    public static void StopAll(IReadOnlyList<DemoProcess> processes, TimeSpan grace)
    {
        var running = processes.Where(p => !p.HasExited).ToList();
        if (running.Count == 0)
            return;
        using (var kill = Process.Start("kill", ["-TERM", .. running.Select(p => p.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture))]))
            kill?.WaitForExit(2000);
        var deadline = DateTime.UtcNow + grace;
        foreach (var process in running)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !process._process.WaitForExit(left))
                process.Kill();
        }
    }

    /// <summary>Asks the process to stop (SIGTERM), then kills the tree if it has not gone within the grace time.</summary>
    public void Stop(TimeSpan grace) => StopAll([this], grace);

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(5));
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }
}
