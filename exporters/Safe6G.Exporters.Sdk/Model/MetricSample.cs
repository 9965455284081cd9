namespace Safe6G.Exporters.Sdk.Model;

/// <summary>One series of a family: its label values (in the family's label-name order) and its value.</summary>
public readonly record struct MetricSample(string[] LabelValues, double Value);
