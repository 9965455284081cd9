namespace Safe6G.Deploy;

/// <summary>A continuum file is malformed or inconsistent; the message names file, line and field.</summary>
public sealed class ContinuumConfigException : Exception
{
    public ContinuumConfigException(string file, int line, int column, string field, string problem)
        : base($"{file}:{line}:{column}: {field}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    public ContinuumConfigException(string file, int line, int column, string field, string problem, Exception inner)
        : base($"{file}:{line}:{column}: {field}: {problem}", inner)
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    /// <summary>Path of the continuum file as given by the caller.</summary>
    public string File { get; }

    /// <summary>1-based line of the offending node.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending node.</summary>
    public int Column { get; }

    /// <summary>Dotted field path, e.g. <c>domains[1].podCidr</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }
}
