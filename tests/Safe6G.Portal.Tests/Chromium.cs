using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary>
/// Debian's headless Chromium driven over the Chrome DevTools Protocol (one page, one WebSocket). Collects console
/// errors, uncaught exceptions and browser log errors (CSP violations land there) so tests can assert there are none.
/// Started with its own temp profile and stopped by PID (with its child processes).
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private readonly ManagedProcess _process;
    private readonly TempDir _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private Task _receiver = Task.CompletedTask;
    private int _nextId;

    private Chromium(ManagedProcess process, TempDir profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Console errors, exceptions and error-level log entries, as text.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public static async Task<Chromium> StartAsync()
    {
        var binary = Peers.Require("chromium");
        var profile = new TempDir("portal-chromium");
        var process = ManagedProcess.Start(binary,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
            $"--user-data-dir={profile.Path}", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            "--window-size=1280,1400", "about:blank",
        ]);
        var browser = new Chromium(process, profile);
        try
        {
            var portFile = Path.Combine(profile.Path, "DevToolsActivePort");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(portFile) || File.ReadAllText(portFile).Split('\n').Length < 2)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                    throw new InvalidOperationException($"chromium did not open its DevTools port:\n{process.Output}");
                await Task.Delay(100);
            }
            var port = File.ReadAllText(portFile).Split('\n')[0].Trim();
            var targets = JsonNode.Parse(await Http.Client.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            await browser._socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
            browser._receiver = Task.Run(browser.ReceiveAsync);
            await browser.SendAsync("Runtime.enable");
            await browser.SendAsync("Log.enable");
            await browser.SendAsync("Page.enable");
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a command and returns its result (throws on a protocol error).</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Loads a URL and waits until the document has loaded.</summary>
    public async Task GoAsync(Uri url)
    {
        await SendAsync("Page.navigate", new { url = url.ToString() });
        await WaitForAsync($"document.readyState === 'complete' && location.href.startsWith({JsonSerializer.Serialize(url.GetLeftPart(UriPartial.Path))})");
    }

    /// <summary>Evaluates an expression in the page and returns its JSON value.</summary>
    public async Task<JsonElement> EvalAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var ex))
            throw new InvalidOperationException($"'{expression}' threw: {ex}");
        return result.GetProperty("result").TryGetProperty("value", out var v) ? v.Clone() : default;
    }

    /// <summary>Polls until an expression is true.</summary>
    public async Task WaitForAsync(string expression, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                if (await EvalAsync(expression) is { ValueKind: JsonValueKind.True })
                    return;
            }
            catch (InvalidOperationException)
            {
                // The page is navigating; its context went away mid-evaluation.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"'{expression}' not true within {seconds}s; page: {await EvalAsync("location.href + ' ' + document.body.innerText.slice(0, 2000)")}");
            await Task.Delay(200);
        }
    }

    /// <summary>A real key press (keyDown + keyUp), as a user's keyboard sends it.</summary>
    public async Task PressAsync(string key, int code, string? text = null)
    {
        // "text" makes the key produce input (Enter submits); the protocol refuses a null, so it is left out when absent.
        var down = new Dictionary<string, object> { ["type"] = "keyDown", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = code, ["nativeVirtualKeyCode"] = code };
        if (text is not null) down["text"] = text;
        await SendAsync("Input.dispatchKeyEvent", down);
        await SendAsync("Input.dispatchKeyEvent", new { type = "keyUp", key, code = key, windowsVirtualKeyCode = code, nativeVirtualKeyCode = code });
    }

    /// <summary>Types text into the focused element (as an input method would).</summary>
    public Task TypeAsync(string text) => SendAsync("Input.insertText", new { text });

    /// <summary>Saves a PNG of the whole page.</summary>
    public async Task ScreenshotAsync(string file)
    {
        var shot = await SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true });
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 20];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                using (var doc = JsonDocument.Parse(message.ToArray()))
                    Dispatch(doc.RootElement);
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Stopping.
        }
        foreach (var p in _pending.Values)
            p.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    private void Dispatch(JsonElement m)
    {
        if (m.TryGetProperty("id", out var idElement))
        {
            if (_pending.TryRemove(idElement.GetInt32(), out var done))
            {
                if (m.TryGetProperty("error", out var error)) done.TrySetException(new InvalidOperationException(error.ToString()));
                else done.TrySetResult(m.GetProperty("result").Clone());
            }
            return;
        }
        var method = m.GetProperty("method").GetString();
        var p = m.GetProperty("params");
        switch (method)
        {
            case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                Errors.Enqueue("console: " + string.Join(" ", p.GetProperty("args").EnumerateArray().Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.ToString())));
                break;
            case "Runtime.exceptionThrown":
                Errors.Enqueue("exception: " + p.GetProperty("exceptionDetails"));
                break;
            case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() is "error" or "warning":
                var entry = p.GetProperty("entry");
                Errors.Enqueue($"log ({entry.GetProperty("source").GetString()}): {entry.GetProperty("text").GetString()} {(entry.TryGetProperty("url", out var u) ? u.GetString() : "")}");
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _receiver.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { /* the process kill below ends it */ }
        _socket.Dispose();
        _process.Dispose();
        _profile.Dispose();
        _stop.Dispose();
        _send.Dispose();
    }
}
