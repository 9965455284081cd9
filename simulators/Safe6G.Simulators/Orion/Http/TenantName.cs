namespace Safe6G.Simulators.Orion;

/// <summary>Orion-LD tenant name rules: at most 52 characters, none of / . space " \ $; stored lower-cased.</summary>
internal static class TenantName
{
    public static string? Validate(string name)
    {
        if (name.Length == 0) return "tenant name is empty";
        if (name.Length > 52) return $"tenant name '{name}' is longer than 52 characters";
        if (name.IndexOfAny(['/', '.', ' ', '"', '\\', '$']) >= 0) return $"tenant name '{name}' has a forbidden character";
        return null;
    }
}
