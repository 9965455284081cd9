namespace Safe6G.Deploy.Emit;

/// <summary>An insertion-ordered YAML mapping, so emitted files keep a stable, readable key order.</summary>
internal sealed class YMap : List<KeyValuePair<string, object?>>
{
    public object? this[string key]
    {
        set => Add(new KeyValuePair<string, object?>(key, value));
    }

    /// <summary>Adds the pair only when the value is not null (optional fields).</summary>
    public YMap Opt(string key, object? value)
    {
        if (value is not null)
        {
            this[key] = value;
        }

        return this;
    }
}
