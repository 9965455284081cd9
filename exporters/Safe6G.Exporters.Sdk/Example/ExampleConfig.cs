using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;

namespace Safe6G.Exporters.Sdk.Example;

/// <summary>Config of the synthetic example exporter that tests and benchmarks reuse.</summary>
public sealed class ExampleConfig : ExporterConfig
{
    /// <summary>Total series across all families.</summary>
    public int Series { get; set; } = 100;

    /// <summary>Number of families the series are spread over (half gauges, half counters).</summary>
    public int Families { get; set; } = 4;

    /// <summary>Distinct values of the <c>group</c> label in each family.</summary>
    public int LabelCardinality { get; set; } = 10;

    /// <summary>Fraction (0..1) of series whose value changes on every fetch.</summary>
    public double Churn { get; set; } = 0.1;

    /// <summary>Simulated upstream latency per fetch.</summary>
    public TimeSpan UpstreamDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Fraction (0..1) of fetches that fail, to exercise <c>_up 0</c>.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Names of the sources scraped on /metrics (each yields the same synthetic data).</summary>
    public List<string> Sources { get; set; } = ["synthetic"];

    /// <inheritdoc />
    public override void Validate(ConfigValidationContext context)
    {
        base.Validate(context);
        context.Require(Series is >= 0 and <= 10_000_000, "series", "must be between 0 and 10000000");
        context.Require(Families is >= 1 and <= 10_000, "families", "must be between 1 and 10000");
        context.Require(LabelCardinality >= 1, "label_cardinality", "must be at least 1");
        context.Require(Churn is >= 0 and <= 1, "churn", "must be between 0 and 1");
        context.Require(ErrorRate is >= 0 and <= 1, "error_rate", "must be between 0 and 1");
        context.Require(UpstreamDelay >= TimeSpan.Zero, "upstream_delay", "must not be negative");
        for (var i = 0; i < Sources.Count; i++)
            context.Require(!string.IsNullOrWhiteSpace(Sources[i]), $"sources[{i}]", "must not be empty");
    }
}
