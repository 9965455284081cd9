namespace Safe6G.Deploy;

/// <summary>What a generation wrote: relative paths (sorted, '/'-separated) and the resource summary to print.</summary>
public sealed record GenerationResult(string OutDir, IReadOnlyList<string> Files, string Summary);
