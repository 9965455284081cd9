using System.Text;

namespace Safe6G.Snmp.Tests;

public sealed class UsmTests
{
    private static readonly byte[] Password = Encoding.ASCII.GetBytes("maplesyrup");
    private static readonly byte[] EngineId = Convert.FromHexString("000000000000000000000002");

    [Fact]
    public void Rfc3414_A3_1_md5_password_to_key_and_localization()
    {
        var ku = Usm.PasswordToKey(SnmpAuthProtocol.Md5, Password);
        Assert.Equal("9faf3283884e92834ebc9847d8edd963", Convert.ToHexStringLower(ku));
        var kul = Usm.LocalizeKey(SnmpAuthProtocol.Md5, ku, EngineId);
        Assert.Equal("526f5eed9fcce26f8964c2930787d82b", Convert.ToHexStringLower(kul));
    }

    [Fact]
    public void Rfc3414_A3_2_sha1_password_to_key_and_localization()
    {
        var ku = Usm.PasswordToKey(SnmpAuthProtocol.Sha1, Password);
        Assert.Equal("9fb5cc0381497b3793528939ff788d5d79145211", Convert.ToHexStringLower(ku));
        var kul = Usm.LocalizeKey(SnmpAuthProtocol.Sha1, ku, EngineId);
        Assert.Equal("6695febc9288e36282235fc7151f128497b38f3f", Convert.ToHexStringLower(kul));
    }

    [Fact]
    public void Sha256_localized_key_vector_from_the_research_notes()
    {
        var kul = Usm.LocalizeKey(SnmpAuthProtocol.Sha256, Usm.PasswordToKey(SnmpAuthProtocol.Sha256, Password), EngineId);
        Assert.Equal("8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b", Convert.ToHexStringLower(kul));
    }

    [Fact]
    public void Managed_sha224_matches_fips_and_rfc4231_vectors()
    {
        Assert.Equal("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
            Convert.ToHexStringLower(Usm.Hash(SnmpAuthProtocol.Sha224, "abc"u8)));
        Assert.Equal("d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
            Convert.ToHexStringLower(Usm.Hash(SnmpAuthProtocol.Sha224, [])));
        // two-block message (FIPS 180-2 example)
        Assert.Equal("75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525",
            Convert.ToHexStringLower(Usm.Hash(SnmpAuthProtocol.Sha224, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8)));
        // RFC 4231 test case 1 and 6 (key longer than the block)
        Assert.Equal("896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
            Convert.ToHexStringLower(Usm.Hmac(SnmpAuthProtocol.Sha224, Enumerable.Repeat((byte)0x0b, 20).ToArray(), "Hi There"u8)));
        Assert.Equal("95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e",
            Convert.ToHexStringLower(Usm.Hmac(SnmpAuthProtocol.Sha224, Enumerable.Repeat((byte)0xaa, 131).ToArray(),
                "Test Using Larger Than Block-Size Key - Hash Key First"u8)));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, 12)]
    [InlineData(SnmpAuthProtocol.Sha1, 12)]
    [InlineData(SnmpAuthProtocol.Sha224, 16)]
    [InlineData(SnmpAuthProtocol.Sha256, 24)]
    [InlineData(SnmpAuthProtocol.Sha384, 32)]
    [InlineData(SnmpAuthProtocol.Sha512, 48)]
    public void Mac_is_truncated_per_rfc7860(SnmpAuthProtocol p, int length)
    {
        var key = Usm.LocalizeKey(p, Usm.PasswordToKey(p, Password), EngineId);
        var msg = Encoding.ASCII.GetBytes("a message with a placeholder: 000000000000000000000000000000000000000000000000 and more text after it");
        var mac = Usm.ComputeMac(p, key, msg);
        Assert.Equal(length, mac.Length);
        Assert.Equal(Usm.Hmac(p, key, msg)[..length], mac);
        // verification zeroes the placeholder before hashing
        var signed = (byte[])msg.Clone();
        int off = 17;
        Array.Clear(signed, off, length);
        var m2 = Usm.ComputeMac(p, key, signed);
        m2.CopyTo(signed, off);
        Assert.True(Usm.VerifyMac(p, key, signed, off, length));
        signed[0] ^= 1;
        Assert.False(Usm.VerifyMac(p, key, signed, off, length));
    }

    [Fact]
    public void Aes192_and_256_key_extensions_follow_blumenthal_and_reeder()
    {
        var auth = SnmpAuthProtocol.Md5;
        var kul = Usm.LocalizeKey(auth, Usm.PasswordToKey(auth, Password), EngineId);
        var blumenthal = Usm.ExtendPrivKey(auth, SnmpPrivProtocol.Aes256, kul, EngineId);
        Assert.Equal(32, blumenthal.Length);
        Assert.Equal(kul, blumenthal[..16]);
        Assert.Equal(Usm.Hash(auth, kul), blumenthal[16..]);

        var reeder = Usm.ExtendPrivKey(auth, SnmpPrivProtocol.Aes256C, kul, EngineId);
        Assert.Equal(kul, reeder[..16]);
        Assert.Equal(Usm.LocalizeKey(auth, Usm.PasswordToKey(auth, kul), EngineId), reeder[16..]);

        // AES-192 with SHA-1: 20 octets + 4 more
        var sha = SnmpAuthProtocol.Sha1;
        var kulSha = Usm.LocalizeKey(sha, Usm.PasswordToKey(sha, Password), EngineId);
        Assert.Equal(Usm.Hash(sha, kulSha)[..4], Usm.ExtendPrivKey(sha, SnmpPrivProtocol.Aes192, kulSha, EngineId)[20..]);
        // long enough hashes are only truncated, both variants equal
        var s512 = SnmpAuthProtocol.Sha512;
        var kul512 = Usm.LocalizeKey(s512, Usm.PasswordToKey(s512, Password), EngineId);
        Assert.Equal(kul512[..32], Usm.ExtendPrivKey(s512, SnmpPrivProtocol.Aes256, kul512, EngineId));
        Assert.Equal(kul512[..32], Usm.ExtendPrivKey(s512, SnmpPrivProtocol.Aes256C, kul512, EngineId));
        Assert.Equal(kul512[..16], Usm.ExtendPrivKey(s512, SnmpPrivProtocol.Des, kul512, EngineId));
    }

    [Theory]
    [InlineData(SnmpPrivProtocol.Des)]
    [InlineData(SnmpPrivProtocol.Aes128)]
    [InlineData(SnmpPrivProtocol.Aes192)]
    [InlineData(SnmpPrivProtocol.Aes256)]
    [InlineData(SnmpPrivProtocol.Aes192C)]
    [InlineData(SnmpPrivProtocol.Aes256C)]
    public void Encrypt_then_decrypt_round_trips_any_length(SnmpPrivProtocol p)
    {
        var auth = SnmpAuthProtocol.Sha256;
        var key = Usm.ExtendPrivKey(auth, p, Usm.LocalizeKey(auth, Usm.PasswordToKey(auth, Password), EngineId), EngineId);
        foreach (int len in new[] { 0, 1, 7, 8, 15, 16, 17, 100, 1500 })
        {
            var plain = Enumerable.Range(0, len).Select(i => (byte)(i * 7)).ToArray();
            var c = Usm.Encrypt(p, key, 5, 1234, 0xDEADBEEF00000001UL, plain, out var salt);
            Assert.Equal(8, salt.Length);
            if (p == SnmpPrivProtocol.Des) Assert.Equal((len + 7) / 8 * 8, c.Length);
            else Assert.Equal(len, c.Length); // CFB: no padding
            var back = Usm.Decrypt(p, key, 5, 1234, salt, c);
            Assert.Equal(plain, back[..len]);
        }
    }

    [Fact]
    public void Aes_iv_is_boots_time_salt_so_other_time_gives_other_plaintext()
    {
        var key = new byte[16];
        var plain = new byte[32];
        var c = Usm.Encrypt(SnmpPrivProtocol.Aes128, key, 1, 100, 42, plain, out var salt);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 42 }, salt);
        Assert.NotEqual(plain, Usm.Decrypt(SnmpPrivProtocol.Aes128, key, 1, 101, salt, c));
        Assert.Throws<SnmpDecryptionException>(() => Usm.Decrypt(SnmpPrivProtocol.Aes128, key, 1, 100, salt.AsSpan(0, 4), c));
        Assert.Throws<SnmpDecryptionException>(() => Usm.Decrypt(SnmpPrivProtocol.Des, new byte[16], 1, 100, salt, new byte[7]));
    }

    [Fact]
    public void Des_salt_is_boots_then_counter()
    {
        Usm.Encrypt(SnmpPrivProtocol.Des, Enumerable.Range(1, 16).Select(i => (byte)(i * 37)).ToArray(), 0x01020304, 0, 0x0A0B0C0D, new byte[8], out var salt);
        Assert.Equal(Convert.FromHexString("010203040A0B0C0D"), salt);
    }

    [Fact]
    public void Credentials_validate_their_combination()
    {
        Assert.Throws<ArgumentException>(() => new UsmCredentials("u", SnmpAuthProtocol.None, null, SnmpPrivProtocol.Aes128, "x12345678"));
        Assert.Throws<ArgumentException>(() => new UsmCredentials("u", SnmpAuthProtocol.Sha1, null));
        Assert.Throws<ArgumentException>(() => new UsmCredentials("u", SnmpAuthProtocol.Sha1, "p1234567", SnmpPrivProtocol.Des, ""));
        Assert.Throws<ArgumentException>(() => new UsmCredentials(new string('u', 33)));
        Assert.Equal(SnmpSecurityLevel.AuthPriv, new UsmCredentials("u", SnmpAuthProtocol.Sha1, "p1234567", SnmpPrivProtocol.Des, "p1234567").SecurityLevel);
        Assert.Equal(SnmpSecurityLevel.NoAuthNoPriv, UsmCredentials.NoAuth("u").SecurityLevel);
        Assert.DoesNotContain("p1234567", new UsmCredentials("u", SnmpAuthProtocol.Sha1, "p1234567").ToString(), StringComparison.Ordinal);
    }
}
