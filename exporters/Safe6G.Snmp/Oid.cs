using System.Globalization;
using System.Text;

namespace Safe6G.Snmp;

/// <summary>
/// An OBJECT IDENTIFIER as an immutable value: a sequence of unsigned 32-bit arcs (SMI limits:
/// at most 128 arcs, each 0..2^32-1). Parses and formats dotted notation (a leading dot is
/// accepted), compares lexicographically (the SNMP walk order), and tests subtree membership.
/// <c>default(Oid)</c> is the empty OID.
/// </summary>
public readonly struct Oid : IEquatable<Oid>, IComparable<Oid>, IComparable
{
    /// <summary>SMI maximum number of sub-identifiers (RFC 2578 §3.5).</summary>
    public const int MaxArcs = 128;

    private readonly uint[]? _arcs;

    /// <summary>Creates an OID from arcs (copied).</summary>
    public Oid(ReadOnlySpan<uint> arcs)
    {
        if (arcs.Length > MaxArcs)
            throw new ArgumentException($"an OID has at most {MaxArcs} arcs", nameof(arcs));
        _arcs = arcs.Length == 0 ? null : arcs.ToArray();
    }

    /// <summary>Creates an OID from arcs (copied).</summary>
    public Oid(params uint[] arcs) : this((ReadOnlySpan<uint>)arcs) { }

    // Takes ownership of the array (no copy) – internal use by the decoder and Append.
    private Oid(uint[]? arcs, bool _) => _arcs = arcs is { Length: 0 } ? null : arcs;

    internal static Oid FromOwnedArray(uint[] arcs) => new(arcs, true);

    /// <summary>The empty OID (no arcs).</summary>
    public static Oid Empty => default;

    /// <summary>Number of arcs.</summary>
    public int Length => _arcs?.Length ?? 0;

    /// <summary>True for the empty OID.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The arcs.</summary>
    public ReadOnlySpan<uint> Arcs => _arcs;

    /// <summary>Arc at <paramref name="index"/>.</summary>
    public uint this[int index] => Arcs[index];

    /// <summary>Parses "1.3.6.1.2.1" or ".1.3.6.1.2.1".</summary>
    /// <exception cref="FormatException">not a dotted OID of 1..128 unsigned 32-bit arcs.</exception>
    public static Oid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var oid) ? oid : throw new FormatException($"not a dotted OID: '{text}'");
    }

    /// <summary>Tries to parse dotted notation; false on anything malformed.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Oid oid)
    {
        oid = default;
        text = text.Trim();
        if (text.Length > 0 && text[0] == '.') text = text[1..];
        if (text.IsEmpty) return false;
        Span<uint> buf = stackalloc uint[MaxArcs];
        int n = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (part.IsEmpty || n == MaxArcs) return false;
            foreach (var c in part) if (c < '0' || c > '9') return false;
            if (!uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return false;
            buf[n++] = v;
        }
        oid = new Oid(buf[..n]);
        return true;
    }

    /// <summary>This OID followed by <paramref name="suffix"/>.</summary>
    public Oid Append(params ReadOnlySpan<uint> suffix)
    {
        if (Length + suffix.Length > MaxArcs)
            throw new ArgumentException($"an OID has at most {MaxArcs} arcs", nameof(suffix));
        var arr = new uint[Length + suffix.Length];
        Arcs.CopyTo(arr);
        suffix.CopyTo(arr.AsSpan(Length));
        return new Oid(arr, true);
    }

    /// <summary>This OID followed by the arcs of <paramref name="suffix"/>.</summary>
    public Oid Append(Oid suffix) => Append(suffix.Arcs);

    /// <summary>True if this OID equals <paramref name="prefix"/> or lies below it.</summary>
    public bool StartsWith(Oid prefix) => Arcs.StartsWith(prefix.Arcs);

    /// <summary>True if this OID lies strictly below <paramref name="root"/> (not equal to it).</summary>
    public bool IsChildOf(Oid root) => Length > root.Length && StartsWith(root);

    /// <summary>The arcs after <paramref name="prefix"/> (the "index" of a table cell).</summary>
    /// <exception cref="ArgumentException">this OID does not start with prefix.</exception>
    public ReadOnlySpan<uint> SuffixAfter(Oid prefix) =>
        StartsWith(prefix) ? Arcs[prefix.Length..] : throw new ArgumentException($"{this} is not under {prefix}", nameof(prefix));

    /// <summary>Lexicographic order of arcs (a prefix sorts first) – the order of GETNEXT.</summary>
    public int CompareTo(Oid other) => Arcs.SequenceCompareTo(other.Arcs);

    int IComparable.CompareTo(object? obj) => obj is Oid o ? CompareTo(o) : throw new ArgumentException("not an Oid", nameof(obj));

    public bool Equals(Oid other) => Arcs.SequenceEqual(other.Arcs);
    public override bool Equals(object? obj) => obj is Oid o && Equals(o);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var a in Arcs) h.Add(a);
        return h.ToHashCode();
    }

    /// <summary>Dotted notation without a leading dot ("1.3.6.1"); empty string for the empty OID.</summary>
    public override string ToString()
    {
        if (_arcs is null) return string.Empty;
        var sb = new StringBuilder(_arcs.Length * 4);
        for (int i = 0; i < _arcs.Length; i++)
        {
            if (i > 0) sb.Append('.');
            sb.Append(_arcs[i].ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static bool operator ==(Oid a, Oid b) => a.Equals(b);
    public static bool operator !=(Oid a, Oid b) => !a.Equals(b);
    public static bool operator <(Oid a, Oid b) => a.CompareTo(b) < 0;
    public static bool operator >(Oid a, Oid b) => a.CompareTo(b) > 0;
    public static bool operator <=(Oid a, Oid b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Oid a, Oid b) => a.CompareTo(b) >= 0;

    /// <summary>Parses dotted notation (see <see cref="Parse"/>); explicit because it can throw.</summary>
    public static explicit operator Oid(string text) => Parse(text);
}
