using System.Globalization;
using System.Text;

namespace Safe6G.Exporters.Gnb.Tests;

/// <summary>One sample of a Prometheus text exposition.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string LabelText => string.Join(",", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}

/// <summary>A strict reader of the text format (0.0.4) for comparing exporters: label escapes \\ \" \n are undone.</summary>
public static class Exposition
{
    public static List<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            int i = 0;
            while (i < line.Length && line[i] != '{' && line[i] != ' ') i++;
            var name = line[..i];
            if (i < line.Length && line[i] == '{')
            {
                i++;
                while (line[i] != '}')
                {
                    var eq = line.IndexOf('=', i);
                    var key = line[i..eq];
                    i = eq + 2; // skip ="
                    var value = new StringBuilder();
                    while (line[i] != '"')
                    {
                        if (line[i] == '\\')
                        {
                            i++;
                            value.Append(line[i] switch { 'n' => '\n', var c => c });
                        }
                        else
                        {
                            value.Append(line[i]);
                        }
                        i++;
                    }
                    i++; // closing quote
                    if (line[i] == ',') i++;
                    labels[key] = value.ToString();
                }
                i++;
            }
            var valueText = line[(i + 1)..].Trim().Split(' ')[0];
            var number = valueText switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(name, labels, number));
        }
        return samples;
    }

    public static double Single(List<Sample> samples, string name, params (string Key, string Value)[] labels)
    {
        var found = samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        Assert.True(found.Count == 1, $"expected one sample {name}{{{string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"))}}}, found {found.Count}");
        return found[0].Value;
    }
}
