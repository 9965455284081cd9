using System.Collections.Concurrent;
using System.Text;

namespace Safe6G.Snmp;

/// <summary>How to authenticate to an agent: a community (v1/v2c) or a USM user (v3).</summary>
public abstract class SnmpCredentials
{
    private protected SnmpCredentials() { }

    /// <summary>Message version these credentials use.</summary>
    public abstract SnmpVersion Version { get; }
}

/// <summary>SNMPv1 or v2c community.</summary>
public sealed class CommunityCredentials : SnmpCredentials
{
    public CommunityCredentials(string community, SnmpVersion version = SnmpVersion.V2c)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (version == SnmpVersion.V3) throw new ArgumentException("a community is for v1/v2c", nameof(version));
        Community = community;
        CommunityBytes = Encoding.UTF8.GetBytes(community);
        Version = version;
    }

    public string Community { get; }
    internal byte[] CommunityBytes { get; }
    public override SnmpVersion Version { get; }

    public override string ToString() => $"{Version} community <secret>";
}

/// <summary>
/// An SNMPv3 USM user. Passwords are turned into keys once (Ku, cached) and localized once per
/// engineID (cached), so many requests to many agents do not repeat the 1 MiB hashing.
/// </summary>
public sealed class UsmCredentials : SnmpCredentials
{
    private readonly ConcurrentDictionary<string, LocalizedKeys> _keys = new();
    private readonly Lazy<byte[]?> _authKu;
    private readonly Lazy<byte[]?> _privKu;

    public UsmCredentials(string userName,
        SnmpAuthProtocol authProtocol = SnmpAuthProtocol.None, string? authPassword = null,
        SnmpPrivProtocol privProtocol = SnmpPrivProtocol.None, string? privPassword = null,
        string contextName = "", byte[]? contextEngineId = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        UserName = userName;
        UserNameBytes = Encoding.UTF8.GetBytes(userName);
        if (UserNameBytes.Length is 0 or > 32) throw new ArgumentException("a USM user name has 1..32 octets", nameof(userName));
        if (authProtocol == SnmpAuthProtocol.None && privProtocol != SnmpPrivProtocol.None)
            throw new ArgumentException("privacy needs authentication", nameof(privProtocol));
        if (authProtocol != SnmpAuthProtocol.None && string.IsNullOrEmpty(authPassword))
            throw new ArgumentException("authentication needs a password", nameof(authPassword));
        if (privProtocol != SnmpPrivProtocol.None && string.IsNullOrEmpty(privPassword))
            throw new ArgumentException("privacy needs a password", nameof(privPassword));
        AuthProtocol = authProtocol;
        PrivProtocol = privProtocol;
        AuthPassword = authPassword;
        PrivPassword = privPassword;
        ContextName = contextName ?? "";
        ContextNameBytes = Encoding.UTF8.GetBytes(ContextName);
        ContextEngineId = contextEngineId;
        _authKu = new(() => authProtocol == SnmpAuthProtocol.None ? null : Usm.PasswordToKey(authProtocol, Encoding.UTF8.GetBytes(authPassword!)));
        _privKu = new(() => privProtocol == SnmpPrivProtocol.None ? null : Usm.PasswordToKey(authProtocol, Encoding.UTF8.GetBytes(privPassword!)));
    }

    /// <summary>noAuthNoPriv user.</summary>
    public static UsmCredentials NoAuth(string userName) => new(userName);

    public string UserName { get; }
    internal byte[] UserNameBytes { get; }
    public SnmpAuthProtocol AuthProtocol { get; }
    public SnmpPrivProtocol PrivProtocol { get; }
    internal string? AuthPassword { get; }
    internal string? PrivPassword { get; }
    public string ContextName { get; }
    internal byte[] ContextNameBytes { get; }
    /// <summary>contextEngineID to use; null = the agent's (authoritative) engineID.</summary>
    public byte[]? ContextEngineId { get; }
    public override SnmpVersion Version => SnmpVersion.V3;

    public SnmpSecurityLevel SecurityLevel =>
        PrivProtocol != SnmpPrivProtocol.None ? SnmpSecurityLevel.AuthPriv
        : AuthProtocol != SnmpAuthProtocol.None ? SnmpSecurityLevel.AuthNoPriv
        : SnmpSecurityLevel.NoAuthNoPriv;

    internal sealed record LocalizedKeys(byte[]? Auth, byte[]? Priv);

    internal LocalizedKeys KeysFor(byte[] engineId) =>
        _keys.GetOrAdd(Convert.ToHexString(engineId), _ =>
        {
            byte[]? auth = _authKu.Value is { } aku ? Usm.LocalizeKey(AuthProtocol, aku, engineId) : null;
            byte[]? priv = null;
            if (_privKu.Value is { } pku)
                priv = Usm.ExtendPrivKey(AuthProtocol, PrivProtocol, Usm.LocalizeKey(AuthProtocol, pku, engineId), engineId);
            return new LocalizedKeys(auth, priv);
        });

    public override string ToString() => $"v3 user {UserName} {SecurityLevel} {AuthProtocol}/{PrivProtocol}";
}
