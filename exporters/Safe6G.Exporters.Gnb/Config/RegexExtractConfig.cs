using System.Text.RegularExpressions;
using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>
/// One rule of snmp_exporter's <c>regex_extracts</c>: when <see cref="Regex"/> matches the whole value text, the
/// expanded <see cref="Value"/> (<c>$1</c>, <c>${name}</c>) parsed as a number is the sample.
/// </summary>
public sealed class RegexExtractConfig : IValidatableConfig
{
    /// <summary>Anchored regular expression over the value as text.</summary>
    public string Regex { get; set; } = "";

    /// <summary>Replacement giving the number; snmp_exporter's default is <c>$1</c>.</summary>
    public string Value { get; set; } = "$1";

    internal Regex? Compiled { get; private set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        try
        {
            // Anchored like snmp_exporter's config regexes: the rule describes the whole value.
            Compiled = new Regex($"^(?:{Regex})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            context.Error("regex", $"is not a regular expression: {ex.Message}");
        }
        context.Require(Value.Length > 0, "value", "must not be empty");
    }
}
