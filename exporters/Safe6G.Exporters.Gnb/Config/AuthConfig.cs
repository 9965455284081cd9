using Safe6G.Exporters.Sdk.Config;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>
/// One entry of <c>auths:</c> — how to talk to an agent, kept apart from what to read (as in snmp_exporter ≥ 0.23).
/// Field names and defaults follow snmp_exporter: version 2, community <c>public</c>, noAuthNoPriv.
/// </summary>
public sealed class AuthConfig : IValidatableConfig
{
    /// <summary>SNMP version: 1, 2 (v2c) or 3.</summary>
    public int Version { get; set; } = 2;

    /// <summary>Community for v1/v2c.</summary>
    public string Community { get; set; } = "public";

    /// <summary>v3 user name.</summary>
    public string? Username { get; set; }

    /// <summary>v3: noAuthNoPriv, authNoPriv or authPriv.</summary>
    public string SecurityLevel { get; set; } = "noAuthNoPriv";

    /// <summary>v3 authentication password.</summary>
    public string? Password { get; set; }

    /// <summary>MD5, SHA, SHA224, SHA256, SHA384 or SHA512.</summary>
    public string AuthProtocol { get; set; } = "MD5";

    /// <summary>DES, AES, AES192, AES256, AES192C or AES256C.</summary>
    public string PrivProtocol { get; set; } = "DES";

    /// <summary>v3 privacy password.</summary>
    public string? PrivPassword { get; set; }

    /// <summary>v3 context name.</summary>
    public string? ContextName { get; set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        if (Version is not (1 or 2 or 3))
        {
            context.Error("version", $"must be 1, 2 or 3, not {Version}");
            return;
        }
        if (Version != 3)
            return;
        context.Require(!string.IsNullOrEmpty(Username), "username", "is required for version 3");
        context.Require(Username is null || System.Text.Encoding.UTF8.GetByteCount(Username) <= 32, "username", "must be at most 32 octets");
        if (!TryParseLevel(SecurityLevel, out var level))
        {
            context.Error("security_level", $"must be noAuthNoPriv, authNoPriv or authPriv, not '{SecurityLevel}'");
            return;
        }
        if (level == SnmpSecurityLevel.NoAuthNoPriv)
            return;
        context.Require(!string.IsNullOrEmpty(Password), "password", $"is required for security_level {SecurityLevel}");
        context.Require(TryParseAuth(AuthProtocol, out _), "auth_protocol", $"must be MD5, SHA, SHA224, SHA256, SHA384 or SHA512, not '{AuthProtocol}'");
        if (level == SnmpSecurityLevel.AuthPriv)
        {
            context.Require(!string.IsNullOrEmpty(PrivPassword), "priv_password", "is required for security_level authPriv");
            context.Require(TryParsePriv(PrivProtocol, out _), "priv_protocol", $"must be DES, AES, AES192, AES256, AES192C or AES256C, not '{PrivProtocol}'");
        }
    }

    /// <summary>Builds the client credentials (call only on a validated config); USM keys are then cached in them.</summary>
    public SnmpCredentials ToCredentials()
    {
        switch (Version)
        {
            case 1: return new CommunityCredentials(Community, SnmpVersion.V1);
            case 2: return new CommunityCredentials(Community, SnmpVersion.V2c);
        }
        if (!TryParseLevel(SecurityLevel, out var level))
            throw new InvalidOperationException($"security_level '{SecurityLevel}' was not validated");
        var auth = SnmpAuthProtocol.None;
        var priv = SnmpPrivProtocol.None;
        if (level != SnmpSecurityLevel.NoAuthNoPriv && !TryParseAuth(AuthProtocol, out auth))
            throw new InvalidOperationException($"auth_protocol '{AuthProtocol}' was not validated");
        if (level == SnmpSecurityLevel.AuthPriv && !TryParsePriv(PrivProtocol, out priv))
            throw new InvalidOperationException($"priv_protocol '{PrivProtocol}' was not validated");
        return new UsmCredentials(Username!, auth, auth == SnmpAuthProtocol.None ? null : Password,
            priv, priv == SnmpPrivProtocol.None ? null : PrivPassword, ContextName ?? "");
    }

    private static bool TryParseLevel(string text, out SnmpSecurityLevel level)
    {
        level = text switch
        {
            "noAuthNoPriv" => SnmpSecurityLevel.NoAuthNoPriv,
            "authNoPriv" => SnmpSecurityLevel.AuthNoPriv,
            "authPriv" => SnmpSecurityLevel.AuthPriv,
            _ => (SnmpSecurityLevel)(-1),
        };
        return (int)level >= 0;
    }

    private static bool TryParseAuth(string text, out SnmpAuthProtocol protocol)
    {
        protocol = text switch
        {
            "MD5" => SnmpAuthProtocol.Md5,
            "SHA" => SnmpAuthProtocol.Sha1,
            "SHA224" => SnmpAuthProtocol.Sha224,
            "SHA256" => SnmpAuthProtocol.Sha256,
            "SHA384" => SnmpAuthProtocol.Sha384,
            "SHA512" => SnmpAuthProtocol.Sha512,
            _ => SnmpAuthProtocol.None,
        };
        return protocol != SnmpAuthProtocol.None;
    }

    private static bool TryParsePriv(string text, out SnmpPrivProtocol protocol)
    {
        protocol = text switch
        {
            "DES" => SnmpPrivProtocol.Des,
            "AES" => SnmpPrivProtocol.Aes128,
            "AES192" => SnmpPrivProtocol.Aes192,
            "AES256" => SnmpPrivProtocol.Aes256,
            "AES192C" => SnmpPrivProtocol.Aes192C,
            "AES256C" => SnmpPrivProtocol.Aes256C,
            _ => SnmpPrivProtocol.None,
        };
        return protocol != SnmpPrivProtocol.None;
    }
}
