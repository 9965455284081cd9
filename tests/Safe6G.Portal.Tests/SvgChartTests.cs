using Safe6G.Portal.Html;

namespace Safe6G.Portal.Tests;

/// <summary>The server-rendered charts: valid SVG, titled, escaped, and readable with one point per series.</summary>
public sealed class SvgChartTests
{
    [Fact]
    public void Lines_draw_every_series_with_a_dot_on_its_latest_value_and_skip_nan()
    {
        var html = SvgChart.Lines("CPU <per> domain", [("upv", [(1000, 0.5)]), ("ncsrd", [(940, double.NaN), (1000, 0.25)]), ("empty", [(1000, double.NaN)])], TimeSpan.FromHours(1));
        var page = Web.Parse(html);
        Assert.Equal(2, page.QuerySelectorAll("polyline").Length);
        var dots = page.QuerySelectorAll("circle").ToList();
        Assert.Equal(2, dots.Count);
        Assert.All(dots, d => Assert.Equal("470", d.GetAttribute("cx"))); // the latest sample sits at "now", the right edge
        Assert.Equal("CPU <per> domain", page.QuerySelector("title")!.TextContent);
        Assert.Contains("CPU &lt;per&gt; domain", html);
        Assert.Contains("upv now 50.0 %", page.QuerySelector("desc")!.TextContent);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public void Bars_scale_to_the_largest_value_and_label_each_bar()
    {
        var page = Web.Parse(SvgChart.Bars("UEs per cell", [("gnb1/1", 10), ("gnb1/2", 5)]));
        var bars = page.QuerySelectorAll("rect[height]").Where(r => r.ParentElement!.LocalName == "svg" && r.GetAttribute("width") != "12").ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(2 * double.Parse(bars[1].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(bars[0].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture), 1);
        Assert.Contains("gnb1/2", page.Body!.TextContent);
    }

    [Fact]
    public void Every_value_label_stays_inside_the_chart()
    {
        // The tallest bar reaches the top: its label goes inside the bar instead of above the drawing area.
        var page = Web.Parse(SvgChart.Bars("UEs per cell", [("gnb1/1", 50), ("gnb1/2", 38), ("gnb1/3", 1)]));
        var labels = page.QuerySelectorAll("svg text[text-anchor=middle][font-size=\"11\"]").ToList(); // the value labels (axis labels are end-anchored)
        Assert.Equal(3, labels.Count);
        Assert.All(labels, t => Assert.True(double.Parse(t.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture) >= 11,
            $"label {t.TextContent} at y={t.GetAttribute("y")} is cut off at the top"));
    }
}
