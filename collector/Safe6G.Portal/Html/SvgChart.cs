using System.Globalization;
using System.Text;

namespace Safe6G.Portal.Html;

/// <summary>
/// Small server-rendered SVG charts: no script, no style attributes (the CSP allows neither), colours as
/// presentation attributes. Each chart has a title and a text description for screen readers.
/// </summary>
internal static class SvgChart
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];
    private const int Width = 480, Height = 200, Left = 44, Right = 10, Top = 10, Bottom = 24;

    /// <summary>Lines over time; values are ratios 0..1 shown as percent.</summary>
    public static string Lines(string title, IReadOnlyList<(string Name, IReadOnlyList<(double Time, double Value)> Points)> series, TimeSpan window)
    {
        var sb = Open(title, $"{title}: " + string.Join("; ", series.Select(s => $"{s.Name} now {H.Pct(s.Points.Count == 0 ? null : s.Points[^1].Value)}")));
        Axis(sb, "100 %", "50 %");
        var all = series.SelectMany(s => s.Points).ToList();
        if (all.Count > 0)
        {
            // The axis is always the last hour, so a young setup's few points sit at the right, not stretched across.
            double t1 = all.Max(p => p.Time), t0 = t1 - window.TotalSeconds;
            double X(double t) => Left + Math.Max(0, t - t0) / (t1 - t0) * (Width - Left - Right);
            for (var i = 0; i < series.Count; i++)
            {
                var valid = series[i].Points.Where(p => double.IsFinite(p.Value)).ToList();
                if (valid.Count == 0) continue;
                var colour = Colours[i % Colours.Length];
                var points = string.Join(' ', valid.Select(p => $"{F(X(p.Time))},{F(Y(Math.Clamp(p.Value, 0, 1)))}"));
                sb.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>");
                // A dot on the latest value: visible even when the series has a single point.
                var last = valid[^1];
                sb.Append($"<circle cx=\"{F(X(last.Time))}\" cy=\"{F(Y(Math.Clamp(last.Value, 0, 1)))}\" r=\"3\" fill=\"{colour}\"/>");
            }
            sb.Append($"<text x=\"{Left}\" y=\"{Height - 6}\" font-size=\"11\" fill=\"#444\">-1h</text>")
              .Append($"<text x=\"{Width - Right}\" y=\"{Height - 6}\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">now</text>");
        }
        return Close(sb, title, series.Select((s, i) => (s.Name, Colours[i % Colours.Length])));
    }

    /// <summary>Horizontal-axis bars with their value written above each.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double Value)> bars)
    {
        var sb = Open(title, $"{title}: " + string.Join("; ", bars.Select(b => $"{b.Label} {F(b.Value)}")));
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        Axis(sb, F(max), F(max / 2));
        var slot = (Width - Left - Right) / (double)Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = Y(value / max);
            var x = Left + i * slot + slot * 0.15;
            sb.Append($"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(slot * 0.7)}\" height=\"{F(Y(0) - y)}\" fill=\"{Colours[i % Colours.Length]}\"><title>{H.E(label)}: {F(value)}</title></rect>")
              // Above the bar, or inside it when the bar is too tall for the label to fit above (it was cut off).
              .Append(y - 3 - 11 < 0
                  ? $"<text x=\"{F(x + slot * 0.35)}\" y=\"{F(y + 13)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#fff\">{F(value)}</text>"
                  : $"<text x=\"{F(x + slot * 0.35)}\" y=\"{F(y - 3)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#222\">{F(value)}</text>")
              .Append($"<text x=\"{F(x + slot * 0.35)}\" y=\"{Height - 6}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#444\">{H.E(label)}</text>");
        }
        return Close(sb, title, []);
    }

    private static StringBuilder Open(string title, string description)
    {
        var sb = new StringBuilder(2048);
        sb.Append("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
          .Append(Width).Append(' ').Append(Height).Append("\" width=\"").Append(Width).Append("\" height=\"").Append(Height).Append("\">")
          .Append("<title>").Append(H.E(title)).Append("</title><desc>").Append(H.E(description)).Append("</desc>");
        return sb;
    }

    private static void Axis(StringBuilder sb, string top, string middle) =>
        sb.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{F(Y(0))}\" stroke=\"#888\"/>")
          .Append($"<line x1=\"{Left}\" y1=\"{F(Y(0))}\" x2=\"{Width - Right}\" y2=\"{F(Y(0))}\" stroke=\"#888\"/>")
          .Append($"<line x1=\"{Left}\" y1=\"{F(Y(0.5))}\" x2=\"{Width - Right}\" y2=\"{F(Y(0.5))}\" stroke=\"#ddd\"/>")
          .Append($"<text x=\"{Left - 4}\" y=\"{Top + 10}\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">{H.E(top)}</text>")
          .Append($"<text x=\"{Left - 4}\" y=\"{F(Y(0.5) + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">{H.E(middle)}</text>");

    private static string Close(StringBuilder sb, string title, IEnumerable<(string Name, string Colour)> legend)
    {
        sb.Append("</svg><figcaption><strong>").Append(H.E(title)).Append("</strong> ");
        foreach (var (name, colour) in legend)
            sb.Append($"<span class=\"legend\"><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{colour}\"/></svg> {H.E(name)}</span> ");
        return sb.Append("</figcaption></figure>").ToString();
    }

    private static double Y(double fraction) => Top + (1 - fraction) * (Height - Top - Bottom);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
