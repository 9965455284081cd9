using System.Net;
using System.Net.Sockets;
using System.Text;
using Safe6G.Snmp;
using Safe6G.Testing;

namespace Safe6G.Exporters.Gnb.Tests.Integration;

/// <summary>
/// The real net-snmp snmpd on a free UDP port of 127.0.0.1, in its own temp dir (MIBS empty, private
/// SNMP_PERSISTENT_DIR), serving a static Baicells gNB (gnb_passpersist.py, QRTB or RTS layout), the host's
/// own IF-MIB/system objects, a v2c community and one SHA-256/AES-256 v3 user. Killed by PID.
/// </summary>
public sealed class Snmpd : IAsyncDisposable
{
    public const string Community = "public";
    public const string V3User = "gnbmon";
    public const string V3AuthPass = "gnbAuthPass256";
    public const string V3PrivPass = "gnbPrivPass256";

    private readonly TempDir _dir;
    private readonly ManagedProcess _process;

    private Snmpd(TempDir dir, ManagedProcess process, int port, string layout)
    {
        _dir = dir;
        _process = process;
        Port = port;
        Layout = layout;
    }

    public int Port { get; }
    public string Layout { get; }
    public string Address => $"127.0.0.1:{Port}";
    public string Log => _process.Output;

    /// <summary>Environment for the net-snmp client tools.</summary>
    public Dictionary<string, string> ClientEnvironment => new() { ["MIBS"] = "", ["SNMP_PERSISTENT_DIR"] = Path.Combine(_dir.Path, "client") };

    public static async Task<Snmpd> StartAsync(string layout)
    {
        var snmpd = Peers.Require("snmpd");
        var python = Peers.Require("python3");
        var script = Path.Combine(AppContext.BaseDirectory, "Integration", "gnb_passpersist.py");
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var dir = new TempDir("safe6g-gnb-snmpd");
            var conf = new StringBuilder();
            conf.AppendLine($"rocommunity {Community} 127.0.0.1");
            conf.AppendLine("dontLogTCPWrappersConnects yes");
            conf.AppendLine($"createUser {V3User} SHA-256 \"{V3AuthPass}\" AES-256 \"{V3PrivPass}\"");
            conf.AppendLine($"rouser {V3User} priv");
            conf.AppendLine("sysName gnb-host-01");
            conf.AppendLine("sysLocation Lab rack 3");
            conf.AppendLine($"pass_persist .1.3.6.1.4.1.53058 {python} {script} {layout}");
            var confPath = dir.Write("snmpd.conf", conf.ToString());
            Directory.CreateDirectory(Path.Combine(dir.Path, "persist"));
            var port = FreeUdpPort();
            var process = ManagedProcess.Start(snmpd, ["-f", "-Lo", "-C", "-c", confPath, $"udp:127.0.0.1:{port}"],
                new Dictionary<string, string> { ["MIBS"] = "", ["SNMP_PERSISTENT_DIR"] = Path.Combine(dir.Path, "persist") });
            var agent = new Snmpd(dir, process, port, layout);
            try
            {
                await agent.WaitReadyAsync();
                return agent;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                last = ex;
                await agent.DisposeAsync();
            }
        }
        throw new InvalidOperationException($"snmpd did not come up: {last?.Message}");
    }

    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private async Task WaitReadyAsync()
    {
        using var client = new SnmpClient(new SnmpClientOptions { Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 });
        var target = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, Port), new CommunityCredentials(Community));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"snmpd exited: {_process.Output}");
            try
            {
                var vb = await client.GetAsync(target, Oid.Parse("1.3.6.1.4.1.53058.100.1.0"));
                if (vb.Value.Type == SnmpType.OctetString)
                    return;
            }
            catch (SnmpException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("snmpd is not answering");
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One QRTB-layout and one RTS-layout snmpd shared by the integration tests.</summary>
public sealed class SnmpdPair : IAsyncLifetime
{
    public Snmpd Qrtb { get; private set; } = null!;
    public Snmpd Rts { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Qrtb = await Snmpd.StartAsync("qrtb");
        Rts = await Snmpd.StartAsync("rts");
    }

    public async Task DisposeAsync()
    {
        if (Qrtb is not null) await Qrtb.DisposeAsync();
        if (Rts is not null) await Rts.DisposeAsync();
    }
}

/// <summary><c>safe6g exporter gnb</c> (the real executable) with the shipped modules and three auths.</summary>
public sealed class GnbExporterProcess : IAsyncLifetime
{
    // cache_ttl 0s: every probe is a fresh walk, so a test comparing two reads in a row sees two reads of the agent.
    public const string Auths = $$"""
        scrape: {cache_ttl: 0s}
        auths:
          public_v2: {version: 2, community: {{Snmpd.Community}}}
          lab_v3:
            version: 3
            username: {{Snmpd.V3User}}
            security_level: authPriv
            auth_protocol: SHA256
            password: {{Snmpd.V3AuthPass}}
            priv_protocol: AES256
            priv_password: {{Snmpd.V3PrivPass}}
          wrong_v3:
            version: 3
            username: {{Snmpd.V3User}}
            security_level: authPriv
            auth_protocol: SHA256
            password: notTheRightPassword
            priv_protocol: AES256
            priv_password: {{Snmpd.V3PrivPass}}
        """;

    private readonly TempDir _dir = new("safe6g-gnb-exporter");
    private ManagedProcess? _process;

    public string BaseUrl { get; private set; } = "";
    public string Output => _process?.Output ?? "";

    public async Task InitializeAsync()
    {
        var config = _dir.Write("gnb.yml", Auths);
        (_process, BaseUrl) = await SafeCli.StartExporterAsync("gnb", config);
    }

    public async Task<string> ProbeAsync(string target, string module, string auth = "public_v2", double? scrapeTimeout = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{BaseUrl}/probe?target={Uri.EscapeDataString(target)}&module={module}&auth={auth}");
        if (scrapeTimeout is { } t)
            request.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await Http.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"probe {module} of {target}: {(int)response.StatusCode} {body}");
        return body;
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition("snmpd")]
public sealed class SnmpdCollection : ICollectionFixture<SnmpdPair>, ICollectionFixture<GnbExporterProcess>
{
}
