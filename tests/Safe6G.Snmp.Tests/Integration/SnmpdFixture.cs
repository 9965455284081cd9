using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Safe6G.Snmp.Tests.Integration;

/// <summary>
/// Starts the real net-snmp snmpd (Debian package "snmpd") in a temp directory on a free UDP port
/// of 127.0.0.1, with a v2c community, v3 users of every auth/priv family we support, and the
/// Baicells-like pass_persist subtree (baicells_passpersist.py, static values, plus a 1,000-row
/// bench table). Killed by PID (with its pass_persist child) on dispose.
/// </summary>
public sealed class SnmpdFixture : IAsyncLifetime
{
    public const string Community = "public";
    public const int BenchRows = 1000;

    /// <summary>v3 users created in snmpd.conf: name, auth, auth password, priv, priv password.</summary>
    public static readonly (string User, SnmpAuthProtocol Auth, string? AuthPass, SnmpPrivProtocol Priv, string? PrivPass, string NetSnmpAuth, string NetSnmpPriv)[] Users =
    [
        ("usha", SnmpAuthProtocol.Sha1, "shaAuthPass1", SnmpPrivProtocol.Aes128, "shaPrivPass1", "SHA", "AES"),
        ("usha256", SnmpAuthProtocol.Sha256, "sha256Auth1", SnmpPrivProtocol.Aes256, "sha256Priv1", "SHA-256", "AES-256"),
        ("umd5", SnmpAuthProtocol.Md5, "md5AuthPass1", SnmpPrivProtocol.Des, "md5PrivPass1", "MD5", "DES"),
        ("usha512", SnmpAuthProtocol.Sha512, "sha512Auth1", SnmpPrivProtocol.Aes192, "sha512Priv1", "SHA-512", "AES-192"),
        ("usha224c", SnmpAuthProtocol.Sha224, "sha224Auth1", SnmpPrivProtocol.Aes256C, "sha224Priv1", "SHA-224", "AES-256-C"),
        ("umd5aes256", SnmpAuthProtocol.Md5, "md5AuthPass2", SnmpPrivProtocol.Aes256, "md5PrivPass2", "MD5", "AES-256"),
        ("usha1aes192c", SnmpAuthProtocol.Sha1, "sha1AuthPass3", SnmpPrivProtocol.Aes192C, "sha1PrivPass3", "SHA", "AES-192-C"),
        ("usha384", SnmpAuthProtocol.Sha384, "sha384Auth1", SnmpPrivProtocol.None, null, "SHA-384", ""),
        ("unoauth", SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null, "", ""),
    ];

    private Process? _process;
    private readonly StringBuilder _log = new();

    public string Directory { get; private set; } = "";
    public int Port { get; private set; }
    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);
    public string Address => $"127.0.0.1:{Port}";
    /// <summary>Environment for net-snmp processes (MIBS empty, private persistent dir).</summary>
    public Dictionary<string, string> NetSnmpEnvironment { get; } = new();

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static string? FindExecutable(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/bin", "/sbin", "/bin"]))
        {
            if (dir.Length == 0) continue;
            var p = Path.Combine(dir, name);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    public async Task InitializeAsync()
    {
        var snmpd = FindExecutable("snmpd")
            ?? throw new InvalidOperationException("snmpd not found: install the Debian packages 'snmpd' and 'snmp' (apt-get install -y snmpd snmp)");
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : FindExecutable("python3")
            ?? throw new InvalidOperationException("python3 not found (needed by the pass_persist script)");
        var script = Path.Combine(AppContext.BaseDirectory, "Integration", "baicells_passpersist.py");
        if (!File.Exists(script)) throw new InvalidOperationException($"missing {script}");

        Directory = System.IO.Directory.CreateTempSubdirectory("safe6g-snmpd-").FullName;
        var persist = Path.Combine(Directory, "persist");
        System.IO.Directory.CreateDirectory(persist);
        NetSnmpEnvironment["MIBS"] = "";
        NetSnmpEnvironment["SNMP_PERSISTENT_DIR"] = Path.Combine(Directory, "client");

        var conf = new StringBuilder();
        conf.AppendLine($"rocommunity {Community} 127.0.0.1");
        conf.AppendLine("dontLogTCPWrappersConnects yes");
        foreach (var u in Users)
        {
            if (u.Auth == SnmpAuthProtocol.None)
            {
                conf.AppendLine($"createUser {u.User}");
                conf.AppendLine($"rouser {u.User} noauth");
            }
            else if (u.Priv == SnmpPrivProtocol.None)
            {
                conf.AppendLine($"createUser {u.User} {u.NetSnmpAuth} \"{u.AuthPass}\"");
                conf.AppendLine($"rouser {u.User} auth");
            }
            else
            {
                conf.AppendLine($"createUser {u.User} {u.NetSnmpAuth} \"{u.AuthPass}\" {u.NetSnmpPriv} \"{u.PrivPass}\"");
                conf.AppendLine($"rouser {u.User} priv");
            }
        }
        conf.AppendLine($"pass_persist .1.3.6.1.4.1.53058 {python} {script} {BenchRows}");
        var confPath = Path.Combine(Directory, "snmpd.conf");
        await File.WriteAllTextAsync(confPath, conf.ToString());

        Exception? last = null;
        for (int tries = 0; tries < 5; tries++)
        {
            Port = FreeUdpPort();
            var psi = new ProcessStartInfo(snmpd)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-f", "-Lo", "-C", "-c", confPath, $"udp:127.0.0.1:{Port}" }) psi.ArgumentList.Add(a);
            psi.Environment["MIBS"] = "";
            psi.Environment["SNMP_PERSISTENT_DIR"] = persist;
            _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start snmpd");
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            try
            {
                await WaitReadyAsync();
                return;
            }
            catch (Exception e)
            {
                last = e;
                Kill();
            }
        }
        throw new InvalidOperationException($"snmpd did not come up: {last?.Message}\n{Log}");
    }

    private async Task WaitReadyAsync()
    {
        using var client = new SnmpClient(new SnmpClientOptions { Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 });
        var target = new SnmpTarget(EndPoint, new CommunityCredentials(Community));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"snmpd exited with {_process.ExitCode}");
            try
            {
                // the pass_persist subtree answers once python is up too
                var vb = await client.GetAsync(target, Oid.Parse("1.3.6.1.4.1.53058.100.1.0"));
                if (vb.Value.Type == SnmpType.OctetString) return;
            }
            catch (SnmpException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline) throw new TimeoutException("snmpd not answering");
            await Task.Delay(100);
        }
    }

    private static int FreeUdpPort()
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }

    private void Kill()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true); // snmpd and its pass_persist child, by PID
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _process = null;
    }

    public Task DisposeAsync()
    {
        Kill();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    public SnmpTarget V2cTarget(string community = Community) => new(EndPoint, new CommunityCredentials(community));
    public SnmpTarget V1Target() => new(EndPoint, new CommunityCredentials(Community, SnmpVersion.V1));

    public SnmpTarget V3Target(string user)
    {
        var u = Users.Single(x => x.User == user);
        return new SnmpTarget(EndPoint, new UsmCredentials(u.User, u.Auth, u.AuthPass, u.Priv, u.PrivPass));
    }

    /// <summary>net-snmp command-line security arguments for a user.</summary>
    public static string[] NetSnmpV3Args(string user)
    {
        var u = Users.Single(x => x.User == user);
        if (u.Auth == SnmpAuthProtocol.None) return ["-v3", "-l", "noAuthNoPriv", "-u", u.User];
        if (u.Priv == SnmpPrivProtocol.None) return ["-v3", "-l", "authNoPriv", "-u", u.User, "-a", u.NetSnmpAuth, "-A", u.AuthPass!];
        return ["-v3", "-l", "authPriv", "-u", u.User, "-a", u.NetSnmpAuth, "-A", u.AuthPass!, "-x", u.NetSnmpPriv, "-X", u.PrivPass!];
    }
}

[CollectionDefinition("snmpd")]
public sealed class SnmpdCollection : ICollectionFixture<SnmpdFixture>
{
}
