namespace Safe6G.Snmp.Tests;

public sealed class OidTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1", "1.3.6.1.2.1")]
    [InlineData(".1.3.6.1.4.1.53058", "1.3.6.1.4.1.53058")]
    [InlineData(" 1.3.6 ", "1.3.6")]
    [InlineData("0", "0")]
    [InlineData("1.3.4294967295", "1.3.4294967295")]
    public void Parses_and_formats_dotted(string text, string formatted)
    {
        var oid = Oid.Parse(text);
        Assert.Equal(formatted, oid.ToString());
        Assert.Equal(oid, Oid.Parse(oid.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1..3")]
    [InlineData("1.3.")]
    [InlineData("1.a.3")]
    [InlineData("1.-3")]
    [InlineData("1.+3")]
    [InlineData("1.3.4294967296")]
    public void Rejects_malformed_text(string text)
    {
        Assert.False(Oid.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Oid.Parse(text));
    }

    [Fact]
    public void Rejects_more_than_128_arcs()
    {
        var ok = string.Join('.', Enumerable.Repeat("1", 128));
        Assert.Equal(128, Oid.Parse(ok).Length);
        Assert.False(Oid.TryParse(ok + ".1", out _));
    }

    [Fact]
    public void Compares_in_walk_order()
    {
        var list = new[] { "1.3.6.1.2", "1.3.6.1", "1.3.6.1.10", "1.3.6.1.2.1", "1.3.6.1.9.9", "1.3.6.2" }.Select(Oid.Parse).ToList();
        list.Sort();
        Assert.Equal(["1.3.6.1", "1.3.6.1.2", "1.3.6.1.2.1", "1.3.6.1.9.9", "1.3.6.1.10", "1.3.6.2"], list.Select(o => o.ToString()));
        Assert.True(Oid.Parse("1.3.6.1.4294967295") > Oid.Parse("1.3.6.1.2147483648")); // unsigned compare
    }

    [Fact]
    public void StartsWith_and_subtree_helpers()
    {
        var root = Oid.Parse("1.3.6.1.2.1.2");
        var cell = Oid.Parse("1.3.6.1.2.1.2.2.1.10.3");
        Assert.True(cell.StartsWith(root));
        Assert.True(cell.IsChildOf(root));
        Assert.True(root.StartsWith(root));
        Assert.False(root.IsChildOf(root));
        Assert.False(Oid.Parse("1.3.6.1.2.1.20").StartsWith(root)); // arc-wise, not string prefix
        Assert.Equal([2u, 1, 10, 3], cell.SuffixAfter(root).ToArray());
        Assert.Equal(cell, root.Append(2, 1, 10, 3));
        Assert.True(Oid.Empty.IsEmpty);
        Assert.True(cell.StartsWith(Oid.Empty));
    }

    [Fact]
    public void Equality_and_hash_follow_arcs()
    {
        var a = Oid.Parse("1.3.6.1");
        var b = new Oid(1, 3, 6, 1);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Oid.Parse("1.3.6.1.0"));
        Assert.Equal(default, Oid.Empty);
    }
}
