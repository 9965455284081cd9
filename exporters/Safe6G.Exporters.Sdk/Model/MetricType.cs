namespace Safe6G.Exporters.Sdk.Model;

/// <summary>The Prometheus/OpenMetrics type of a metric family.</summary>
public enum MetricType
{
    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>A monotonically increasing total; the name must end in <c>_total</c>.</summary>
    Counter,

    /// <summary>Inventory: value 1, the facts are in the labels; the name must end in <c>_info</c>.</summary>
    Info,

    /// <summary>An enum as one series per state, 1 for the current state and 0 for the others.</summary>
    StateSet,

    /// <summary>A value whose semantics the exporter does not know (e.g. an SNMP object without type hints).</summary>
    Untyped,
}
