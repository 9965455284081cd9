// MD5, SHA-1 and DES are what RFC 3414 USM mandates for those protocols; the user picks them per agent.
#pragma warning disable CA5350, CA5351
using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Safe6G.Snmp;

/// <summary>USM authentication protocols (RFC 3414, RFC 7860).</summary>
public enum SnmpAuthProtocol
{
    None = 0,
    /// <summary>usmHMACMD5AuthProtocol (HMAC-MD5-96).</summary>
    Md5,
    /// <summary>usmHMACSHAAuthProtocol (HMAC-SHA-96).</summary>
    Sha1,
    /// <summary>usmHMAC128SHA224AuthProtocol.</summary>
    Sha224,
    /// <summary>usmHMAC192SHA256AuthProtocol.</summary>
    Sha256,
    /// <summary>usmHMAC256SHA384AuthProtocol.</summary>
    Sha384,
    /// <summary>usmHMAC384SHA512AuthProtocol.</summary>
    Sha512,
}

/// <summary>USM privacy protocols. AES-192/256 need more key material than some hashes give:
/// the plain names use the Blumenthal extension (draft-blumenthal-aes-usm-04: Kul ‖ H(Kul) …),
/// the "C" names the Reeder/Cisco one (Kul ‖ localize(passwordToKey(Kul)) …), as in gosnmp,
/// snmp_exporter (AES192C/AES256C) and net-snmp (AES-192-C/AES-256-C).</summary>
public enum SnmpPrivProtocol
{
    None = 0,
    /// <summary>usmDESPrivProtocol (CBC-DES, RFC 3414 §8).</summary>
    Des,
    /// <summary>usmAesCfb128Protocol (RFC 3826).</summary>
    Aes128,
    /// <summary>AES-192-CFB, Blumenthal key extension.</summary>
    Aes192,
    /// <summary>AES-256-CFB, Blumenthal key extension.</summary>
    Aes256,
    /// <summary>AES-192-CFB, Reeder ("Cisco") key extension.</summary>
    Aes192C,
    /// <summary>AES-256-CFB, Reeder ("Cisco") key extension.</summary>
    Aes256C,
}

/// <summary>SNMPv3 security level.</summary>
public enum SnmpSecurityLevel
{
    NoAuthNoPriv,
    AuthNoPriv,
    AuthPriv,
}

/// <summary>
/// USM key handling and cryptography: password-to-key (RFC 3414 A.2, SHA-2 per RFC 7860),
/// key localization, the AES-192/256 key extensions, HMAC truncation, DES-CBC and AES-CFB.
/// </summary>
public static class Usm
{
    private const int ExpandedPasswordLength = 1_048_576;

    /// <summary>Truncated MAC length in octets: MD5/SHA-1 12, SHA-224 16, SHA-256 24, SHA-384 32, SHA-512 48.</summary>
    public static int MacLength(SnmpAuthProtocol p) => p switch
    {
        SnmpAuthProtocol.Md5 => 12,
        SnmpAuthProtocol.Sha1 => 12,
        SnmpAuthProtocol.Sha224 => 16,
        SnmpAuthProtocol.Sha256 => 24,
        SnmpAuthProtocol.Sha384 => 32,
        SnmpAuthProtocol.Sha512 => 48,
        _ => 0,
    };

    /// <summary>Hash output length in octets (= localized key length).</summary>
    public static int HashLength(SnmpAuthProtocol p) => p switch
    {
        SnmpAuthProtocol.Md5 => 16,
        SnmpAuthProtocol.Sha1 => 20,
        SnmpAuthProtocol.Sha224 => 28,
        SnmpAuthProtocol.Sha256 => 32,
        SnmpAuthProtocol.Sha384 => 48,
        SnmpAuthProtocol.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "no hash for this protocol"),
    };

    /// <summary>Key length the cipher needs (DES: 8 key + 8 pre-IV).</summary>
    public static int PrivKeyLength(SnmpPrivProtocol p) => p switch
    {
        SnmpPrivProtocol.Des => 16,
        SnmpPrivProtocol.Aes128 => 16,
        SnmpPrivProtocol.Aes192 or SnmpPrivProtocol.Aes192C => 24,
        SnmpPrivProtocol.Aes256 or SnmpPrivProtocol.Aes256C => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "no key for this protocol"),
    };

    private static IncrementalHash NewHash(SnmpAuthProtocol p) => p switch
    {
        SnmpAuthProtocol.Md5 => IncrementalHash.CreateHash(HashAlgorithmName.MD5),
        SnmpAuthProtocol.Sha1 => IncrementalHash.CreateHash(HashAlgorithmName.SHA1),
        SnmpAuthProtocol.Sha224 => throw new InvalidOperationException("SHA-224 uses the managed implementation"),
        SnmpAuthProtocol.Sha256 => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        SnmpAuthProtocol.Sha384 => IncrementalHash.CreateHash(HashAlgorithmName.SHA384),
        SnmpAuthProtocol.Sha512 => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "no hash for this protocol"),
    };

    /// <summary>H(data) with the protocol's hash.</summary>
    public static byte[] Hash(SnmpAuthProtocol p, ReadOnlySpan<byte> data)
    {
        if (p == SnmpAuthProtocol.Sha224) return Sha224.Hash(data);
        using var h = NewHash(p);
        h.AppendData(data);
        return h.GetHashAndReset();
    }

    /// <summary>HMAC(key, data) with the protocol's hash, not truncated.</summary>
    public static byte[] Hmac(SnmpAuthProtocol p, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        switch (p)
        {
            case SnmpAuthProtocol.Md5: return HMACMD5.HashData(key, data);
            case SnmpAuthProtocol.Sha1: return HMACSHA1.HashData(key, data);
            case SnmpAuthProtocol.Sha224: return Sha224.Hmac(key, data);
            case SnmpAuthProtocol.Sha256: return HMACSHA256.HashData(key, data);
            case SnmpAuthProtocol.Sha384: return HMACSHA384.HashData(key, data);
            case SnmpAuthProtocol.Sha512: return HMACSHA512.HashData(key, data);
            default: throw new ArgumentOutOfRangeException(nameof(p), p, "no HMAC for this protocol");
        }
    }

    /// <summary>Password to Ku (RFC 3414 A.2): hash of the password repeated to 1 MiB.</summary>
    public static byte[] PasswordToKey(SnmpAuthProtocol p, ReadOnlySpan<byte> password)
    {
        if (password.IsEmpty) throw new ArgumentException("empty password", nameof(password));
        var buf = ArrayPool<byte>.Shared.Rent(ExpandedPasswordLength);
        try
        {
            var span = buf.AsSpan(0, ExpandedPasswordLength);
            // fill by doubling copies
            int filled = Math.Min(password.Length, span.Length);
            password[..filled].CopyTo(span);
            while (filled < span.Length)
            {
                int n = Math.Min(filled, span.Length - filled);
                span[..n].CopyTo(span[filled..]);
                filled += n;
            }
            return Hash(p, span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf, clearArray: true);
        }
    }

    /// <summary>Key localization: Kul = H(Ku ‖ engineID ‖ Ku).</summary>
    public static byte[] LocalizeKey(SnmpAuthProtocol p, ReadOnlySpan<byte> ku, ReadOnlySpan<byte> engineId)
    {
        var buf = new byte[ku.Length * 2 + engineId.Length];
        ku.CopyTo(buf);
        engineId.CopyTo(buf.AsSpan(ku.Length));
        ku.CopyTo(buf.AsSpan(ku.Length + engineId.Length));
        return Hash(p, buf);
    }

    /// <summary>Localized privacy key of the length the cipher needs, from the (already localized,
    /// with the auth hash) key; extends it for AES-192/256 when the hash is too short.</summary>
    public static byte[] ExtendPrivKey(SnmpAuthProtocol auth, SnmpPrivProtocol priv, byte[] localized, ReadOnlySpan<byte> engineId)
    {
        ArgumentNullException.ThrowIfNull(localized);
        int need = PrivKeyLength(priv);
        if (localized.Length >= need) return localized.AsSpan(0, need).ToArray();
        var key = new List<byte>(localized);
        bool reeder = priv is SnmpPrivProtocol.Aes192C or SnmpPrivProtocol.Aes256C;
        if (priv is not (SnmpPrivProtocol.Aes192 or SnmpPrivProtocol.Aes256 or SnmpPrivProtocol.Aes192C or SnmpPrivProtocol.Aes256C))
            throw new ArgumentException($"{priv} needs {need} octets but the {auth} key has {localized.Length}", nameof(priv));
        while (key.Count < need)
        {
            var current = key.ToArray();
            // Blumenthal: Kul ‖ H(Kul); Reeder: Kul ‖ localize(passwordToKey(Kul)) — both over the key so far
            var more = reeder ? LocalizeKey(auth, PasswordToKey(auth, current), engineId) : Hash(auth, current);
            key.AddRange(more);
        }
        return key.GetRange(0, need).ToArray();
    }

    /// <summary>The MAC for msgAuthenticationParameters: HMAC over the whole message (with the
    /// parameters zeroed), truncated to <see cref="MacLength"/>.</summary>
    public static byte[] ComputeMac(SnmpAuthProtocol p, ReadOnlySpan<byte> authKey, ReadOnlySpan<byte> wholeMessage)
    {
        var full = Hmac(p, authKey, wholeMessage);
        return full.AsSpan(0, MacLength(p)).ToArray();
    }

    /// <summary>Verifies the MAC of a received message in constant time.</summary>
    public static bool VerifyMac(SnmpAuthProtocol p, ReadOnlySpan<byte> authKey, ReadOnlySpan<byte> message, int authOffset, int authLength)
    {
        int macLen = MacLength(p);
        if (authLength != macLen || authOffset < 0 || authOffset + authLength > message.Length) return false;
        var copy = message.ToArray();
        var received = message.Slice(authOffset, authLength);
        copy.AsSpan(authOffset, authLength).Clear();
        var mac = ComputeMac(p, authKey, copy);
        return CryptographicOperations.FixedTimeEquals(mac, received);
    }

    /// <summary>Encrypts a ScopedPDU. Returns the ciphertext; <paramref name="privParams"/> receives
    /// msgPrivacyParameters (the 8-octet salt).</summary>
    public static byte[] Encrypt(SnmpPrivProtocol p, ReadOnlySpan<byte> privKey, int engineBoots, int engineTime,
        ulong salt, ReadOnlySpan<byte> plaintext, out byte[] privParams)
    {
        privParams = new byte[8];
        if (p == SnmpPrivProtocol.Des)
        {
            // salt = engineBoots(4) ‖ local counter(4); IV = pre-IV XOR salt (RFC 3414 §8.1.1.1)
            BinaryPrimitives.WriteInt32BigEndian(privParams, engineBoots);
            BinaryPrimitives.WriteUInt32BigEndian(privParams.AsSpan(4), (uint)salt);
            Span<byte> iv = stackalloc byte[8];
            for (int i = 0; i < 8; i++) iv[i] = (byte)(privKey[8 + i] ^ privParams[i]);
            int padded = (plaintext.Length + 7) / 8 * 8;
            var data = new byte[padded];
            plaintext.CopyTo(data);
            try
            {
                using var des = DES.Create();
                des.Key = privKey[..8].ToArray();
                return des.EncryptCbc(data, iv, PaddingMode.None);
            }
            catch (CryptographicException e)
            {
                // e.g. a localized key that happens to be a DES weak key (probability ~2^-52)
                throw new SnmpException($"DES encryption failed: {e.Message}", e);
            }
        }
        BinaryPrimitives.WriteUInt64BigEndian(privParams, salt);
        return AesCfb(p, privKey, engineBoots, engineTime, privParams, plaintext, encrypt: true);
    }

    /// <summary>Decrypts an encryptedPDU; throws <see cref="SnmpDecryptionException"/> on bad parameters.</summary>
    public static byte[] Decrypt(SnmpPrivProtocol p, ReadOnlySpan<byte> privKey, int engineBoots, int engineTime,
        ReadOnlySpan<byte> privParams, ReadOnlySpan<byte> ciphertext)
    {
        if (privParams.Length != 8) throw new SnmpDecryptionException($"msgPrivacyParameters of {privParams.Length} octets (must be 8)");
        if (p == SnmpPrivProtocol.Des)
        {
            if (ciphertext.Length % 8 != 0) throw new SnmpDecryptionException($"DES ciphertext of {ciphertext.Length} octets is not a multiple of 8");
            Span<byte> iv = stackalloc byte[8];
            for (int i = 0; i < 8; i++) iv[i] = (byte)(privKey[8 + i] ^ privParams[i]);
            try
            {
                using var des = DES.Create();
                des.Key = privKey[..8].ToArray();
                return des.DecryptCbc(ciphertext, iv, PaddingMode.None);
            }
            catch (CryptographicException e)
            {
                throw new SnmpDecryptionException($"DES decryption failed: {e.Message}");
            }
        }
        return AesCfb(p, privKey, engineBoots, engineTime, privParams, ciphertext, encrypt: false);
    }

    // AES-CFB-128 (RFC 3826 §3.1): IV = boots(4) ‖ time(4) ‖ salt(8). .NET's CFB wants whole
    // blocks with PaddingMode.None, so the input is zero-padded and the output truncated: CFB is
    // a stream mode and the bytes of a partial last block do not depend on the padding.
    private static byte[] AesCfb(SnmpPrivProtocol p, ReadOnlySpan<byte> key, int boots, int time, ReadOnlySpan<byte> salt,
        ReadOnlySpan<byte> input, bool encrypt)
    {
        int keyLen = PrivKeyLength(p);
        Span<byte> iv = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, boots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], time);
        salt.CopyTo(iv[8..]);
        int padded = (input.Length + 15) / 16 * 16;
        var data = new byte[padded];
        input.CopyTo(data);
        if (key.Length < keyLen) throw new ArgumentException($"{p} needs a {keyLen}-octet key", nameof(key));
        try
        {
            using var aes = Aes.Create();
            aes.Key = key[..keyLen].ToArray();
            var output = encrypt
                ? aes.EncryptCfb(data, iv, PaddingMode.None, 128)
                : aes.DecryptCfb(data, iv, PaddingMode.None, 128);
            return output.AsSpan(0, input.Length).ToArray();
        }
        catch (CryptographicException e) when (!encrypt)
        {
            throw new SnmpDecryptionException($"AES decryption failed: {e.Message}");
        }
    }
}
