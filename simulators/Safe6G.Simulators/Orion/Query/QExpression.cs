using System.Globalization;
using System.Text.Json;
using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion.Query;

/// <summary>A parsed q filter node.</summary>
internal abstract record QExpression
{
    public abstract bool Matches(NgsiEntity entity, DateTimeOffset now);
}

/// <summary>Both sides must match (';' or '&amp;').</summary>
internal sealed record QAnd(QExpression Left, QExpression Right) : QExpression
{
    public override bool Matches(NgsiEntity entity, DateTimeOffset now) => Left.Matches(entity, now) && Right.Matches(entity, now);
}

/// <summary>Either side matches ('|').</summary>
internal sealed record QOr(QExpression Left, QExpression Right) : QExpression
{
    public override bool Matches(NgsiEntity entity, DateTimeOffset now) => Left.Matches(entity, now) || Right.Matches(entity, now);
}

/// <summary>Attribute exists (or, negated, does not).</summary>
internal sealed record QExists(string Attribute, bool Negated) : QExpression
{
    public override bool Matches(NgsiEntity entity, DateTimeOffset now) => (entity.Find(Attribute) is not null) != Negated;
}

/// <summary>attr OP value; a Relationship compares its object URN(s), a Property its value.</summary>
internal sealed record QCompare(string Attribute, string Op, IReadOnlyList<object> Values, (object Low, object High)? Range) : QExpression
{
    public override bool Matches(NgsiEntity entity, DateTimeOffset now)
    {
        var attribute = entity.Find(Attribute);
        if (attribute is null) return false;
        var value = attribute.ValueAt(now);
        if (value is string[] many) return many.Any(Test);
        if (value is JsonElement { ValueKind: JsonValueKind.Array } array)
            return array.EnumerateArray().Select(Scalar).Any(v => v is not null && Test(v));
        return value is not null && Test(value);
    }

    private bool Test(object actual)
    {
        if (Range is { } r)
        {
            var inside = Compare(actual, r.Low) is >= 0 && Compare(actual, r.High) is <= 0;
            return Op == "==" ? inside : !inside;
        }
        switch (Op)
        {
            case "==": return Values.Any(v => Compare(actual, v) == 0);
            case "!=": return Values.All(v => Compare(actual, v) != 0);
            case "~=": return actual is string s && Values[0] is string p && System.Text.RegularExpressions.Regex.IsMatch(s, p, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
            case "!~=": return actual is string s2 && Values[0] is string p2 && !System.Text.RegularExpressions.Regex.IsMatch(s2, p2, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        var c = Compare(actual, Values[0]);
        return c is not null && Op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            ">=" => c >= 0,
            _ => false,
        };
    }

    /// <summary>Numbers compare numerically, strings ordinally, booleans by equality; mixed kinds never match.</summary>
    private static int? Compare(object actual, object expected)
    {
        if (ToNumber(actual) is { } a && ToNumber(expected) is { } b) return a.CompareTo(b);
        if (actual is string sa && expected is string sb) return string.CompareOrdinal(sa, sb);
        if (actual is bool ba && expected is bool bb) return ba == bb ? 0 : (ba ? 1 : -1);
        return null;
    }

    private static double? ToNumber(object o) => o switch
    {
        long l => l,
        int i => i,
        double d => d,
        _ => null,
    };

    private static object? Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static object ParseLiteral(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') return text[1..^1];
        if (text == "true") return true;
        if (text == "false") return false;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return text; // Orion-LD also accepts unquoted URNs and dates
    }
}
