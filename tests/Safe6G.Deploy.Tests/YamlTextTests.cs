using Safe6G.Deploy.Emit;
using Safe6G.Deploy.Parsing;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Deploy.Tests;

/// <summary>The YAML writer keeps strings strings for a YAML 1.1 reader (Go yaml.v2), and the small parsers behave.</summary>
public class YamlTextTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("0x1F")]
    [InlineData("1:30")]
    [InlineData("2024-04-01")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData(".inf")]
    public void AmbiguousStringsAreQuoted(string value)
    {
        var text = YamlText.Write(new YMap { ["k"] = value });
        var scalar = Parse(text);
        Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, scalar.Style);
        Assert.Equal(value, scalar.Value);
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("safe6g-exporter-gnb.monitoring.svc:9413")]
    [InlineData("up{job=~\"a|b\"} == 0")]
    [InlineData("{{ $labels.job }} is down")]
    [InlineData("- not a list")]
    [InlineData("key: value")]
    public void OtherStringsRoundTrip(string value) => Assert.Equal(value, Parse(YamlText.Write(new YMap { ["k"] = value })).Value);

    [Fact]
    public void NumbersAndBoolsArePlain()
    {
        var text = YamlText.Write(new YMap { ["i"] = 3, ["b"] = true });
        Assert.Equal("i: 3\nb: true\n", text);
    }

    [Theory]
    [InlineData("10.1.0.0/16", "10.1.128.0/17", true)]
    [InlineData("10.1.0.0/16", "10.2.0.0/16", false)]
    [InlineData("10.0.0.0/8", "10.255.0.0/16", true)]
    [InlineData("10.1.0.0/24", "10.1.1.0/24", false)]
    [InlineData("fd00::/64", "fd00::1:0/112", true)]
    [InlineData("fd00::/64", "10.0.0.0/8", false)]
    public void CidrOverlap(string a, string b, bool overlap)
    {
        Assert.Equal(overlap, Cidr.Parse(a).Overlaps(Cidr.Parse(b)));
        Assert.Equal(overlap, Cidr.Parse(b).Overlaps(Cidr.Parse(a)));
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("1h30m", 5400)]
    [InlineData("2w", 1209600)]
    [InlineData("0", 0)]
    public void DurationsParseLikePrometheus(string text, double seconds) => Assert.Equal(seconds, PromDuration.Parse(text).TotalSeconds);

    [Theory]
    [InlineData("30")]
    [InlineData("1.5h")]
    [InlineData("30s1h")]
    [InlineData("")]
    public void BadDurationsAreRejected(string text) => Assert.False(PromDuration.TryParse(text, out _));

    private static YamlScalarNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("k")];
    }
}
