namespace Safe6G.Simulators.Common;

/// <summary>The live fault settings of one running simulator plus a seeded dice for the rates.</summary>
public sealed class FaultSwitches
{
    private readonly Lock _gate = new();
    private readonly Random _dice;
    private FaultSettings _current;

    /// <summary>Creates the switches with initial settings; the dice is seeded so that fault sequences repeat.</summary>
    public FaultSwitches(FaultSettings initial, int seed)
    {
        var error = initial.Validate();
        if (error is not null) throw new ArgumentException(error, nameof(initial));
        _current = initial;
        _dice = new Random(seed);
    }

    /// <summary>The settings in force now.</summary>
    public FaultSettings Current => Volatile.Read(ref _current);

    /// <summary>Replaces the settings; throws <see cref="ArgumentException"/> when they are invalid.</summary>
    public void Set(FaultSettings settings)
    {
        var error = settings.Validate();
        if (error is not null) throw new ArgumentException(error, nameof(settings));
        Volatile.Write(ref _current, settings);
    }

    /// <summary>Rolls the dice: true with the given probability.</summary>
    public bool Roll(double probability)
    {
        if (probability <= 0) return false;
        if (probability >= 1) return true;
        lock (_gate) return _dice.NextDouble() < probability;
    }
}
