namespace Safe6G.Deploy.Model;

/// <summary>Where a value sits in the continuum file, kept so later checks can still name the line.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column, string Field)
{
    /// <summary>Builds the error for a problem found at this place.</summary>
    public ContinuumConfigException Error(string problem) => new(File, Line, Column, Field, problem);

    /// <summary>Short "line N" text used to point at a second place in one message.</summary>
    public string LineText => $"line {Line}";
}
