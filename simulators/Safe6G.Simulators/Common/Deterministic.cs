namespace Safe6G.Simulators.Common;

/// <summary>Stable pseudo-random numbers derived from a seed and a key (not System.Random, whose sequence may change between runtimes).</summary>
public static class Deterministic
{
    /// <summary>64-bit hash of (seed, key, salt) via FNV-1a then SplitMix64 finalisation.</summary>
    public static ulong Hash(int seed, string key, long salt = 0)
    {
        var h = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h ^ (ulong)salt * 0x9E3779B97F4A7C15UL);
    }

    /// <summary>Uniform double in [0, 1) for (seed, key, salt).</summary>
    public static double Unit(int seed, string key, long salt = 0) => (Hash(seed, key, salt) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, max] for (seed, key, salt).</summary>
    public static int Between(int seed, string key, int min, int max, long salt = 0)
        => min + (int)(Hash(seed, key, salt) % (ulong)(max - min + 1));

    /// <summary>Picks one item of <paramref name="items"/> for (seed, key).</summary>
    public static T Pick<T>(int seed, string key, IReadOnlyList<T> items, long salt = 0)
        => items[(int)(Hash(seed, key, salt) % (ulong)items.Count)];

    /// <summary>
    /// A value that moves smoothly over time: a sine of period <paramref name="period"/> with a phase from (seed, key),
    /// plus a little noise per time step; returns a number in [0, 1]. Same seed, key and time → same value.
    /// </summary>
    public static double Wave(int seed, string key, DateTimeOffset now, TimeSpan period, TimeSpan step)
    {
        var bucket = now.ToUnixTimeMilliseconds() / (long)step.TotalMilliseconds;
        var t = bucket * step.TotalMilliseconds / period.TotalMilliseconds;
        var phase = Unit(seed, key, 1) * 2 * Math.PI;
        var noise = (Unit(seed, key, bucket) - 0.5) * 0.1;
        return Math.Clamp(0.5 + 0.4 * Math.Sin(2 * Math.PI * t + phase) + noise, 0, 1);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
