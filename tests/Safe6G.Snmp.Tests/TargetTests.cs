using System.Net;

namespace Safe6G.Snmp.Tests;

public sealed class TargetTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:161")]
    [InlineData("127.0.0.1:1161", "127.0.0.1:1161")]
    [InlineData("udp://127.0.0.1:1162", "127.0.0.1:1162")]
    [InlineData("[::1]:1163", "[::1]:1163")]
    [InlineData("[::1]", "[::1]:161")]
    [InlineData("::1", "[::1]:161")]
    public async Task Resolves_host_port_forms(string text, string expected)
    {
        var ep = await SnmpTarget.ResolveAsync(text);
        Assert.Equal(expected, ep.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:x")]
    [InlineData("[::1")]
    [InlineData(":161")]
    public async Task Rejects_bad_targets(string text) =>
        await Assert.ThrowsAsync<FormatException>(() => SnmpTarget.ResolveAsync(text));

    [Fact]
    public async Task Unresolvable_host_is_an_SnmpException()
    {
        await Assert.ThrowsAnyAsync<SnmpException>(() => SnmpTarget.ResolveAsync("no-such-host.invalid:161"));
    }

    [Fact]
    public void Value_accessors_check_the_type()
    {
        Assert.Throws<SnmpTypeException>(() => SnmpValue.OctetString("x").AsInt32());
        Assert.Throws<SnmpTypeException>(() => SnmpValue.Integer(1L << 40).AsInt32());
        Assert.Equal(1L << 40, SnmpValue.Integer(1L << 40).AsInt64());
        Assert.Equal(TimeSpan.FromSeconds(12.34), SnmpValue.TimeTicks(1234).AsTimeSpan());
        Assert.True(SnmpValue.Counter64(5).TryGetDouble(out var d) && d == 5);
        Assert.False(SnmpValue.OctetString("5").TryGetDouble(out _));
        Assert.Equal(IPAddress.Parse("10.0.0.1"), SnmpValue.IpAddress(IPAddress.Parse("10.0.0.1")).AsIpAddress());
        Assert.Equal("Counter32: 5", SnmpValue.Counter32(5).ToString());
        Assert.Equal("STRING: \"ab\"", SnmpValue.OctetString("ab").ToString());
        Assert.Equal("Hex-STRING: 0001", SnmpValue.OctetString([0, 1]).ToString());
    }
}
