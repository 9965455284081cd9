namespace Safe6G.Exporters.Sdk.Config;

/// <summary>A configuration section that checks its own values after loading (the one place validation lives).</summary>
public interface IValidatableConfig
{
    /// <summary>Reports problems to <paramref name="context"/>; field paths are relative to this section.</summary>
    void Validate(ConfigValidationContext context);
}
