using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Safe6G.Deploy.Emit;

/// <summary>
/// Writes a tree of <see cref="YMap"/>, lists and scalars as block YAML. Strings that a YAML 1.1
/// reader would take for a bool, null or number are double-quoted, so Go's yaml.v2 (Prometheus) reads them back as strings.
/// </summary>
internal static partial class YamlText
{
    // YAML 1.1 resolves these plain scalars to bool, null, int (incl. 0x.., 1_000, base-60 1:30), float or timestamp.
    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~"
        + "|[-+]?[0-9][0-9_]*|[-+]?0[xXoObB][0-9a-fA-F_]+|[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
        + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$")]
    private static partial Regex Ambiguous();

    public static string Write(object root, string? headerComment = null)
    {
        var sb = new StringBuilder();
        if (headerComment is not null)
        {
            foreach (var line in headerComment.Split('\n'))
            {
                sb.Append("# ").Append(line).Append('\n');
            }
        }

        using var writer = new StringWriter(sb, CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Node(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        writer.Flush();
        return sb.ToString();
    }

    private static void Node(IEmitter e, object? value)
    {
        switch (value)
        {
            case null:
                e.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case string s:
                var style = s.Length == 0 || Ambiguous().IsMatch(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
                e.Emit(new Scalar(null, null, s, style, true, true));
                break;
            case bool b:
                e.Emit(new Scalar(null, null, b ? "true" : "false", ScalarStyle.Plain, true, false));
                break;
            case int or long:
                e.Emit(new Scalar(null, null, Convert.ToString(value, CultureInfo.InvariantCulture)!, ScalarStyle.Plain, true, false));
                break;
            case double d:
                e.Emit(new Scalar(null, null, d.ToString("R", CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
                break;
            case YMap map:
                e.Emit(new MappingStart(null, null, true, map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (k, v) in map)
                {
                    Node(e, k);
                    Node(e, v);
                }

                e.Emit(new MappingEnd());
                break;
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                e.Emit(new SequenceStart(null, null, true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in items)
                {
                    Node(e, item);
                }

                e.Emit(new SequenceEnd());
                break;
            default:
                throw new InvalidOperationException($"cannot write {value.GetType().Name} as YAML");
        }
    }
}
