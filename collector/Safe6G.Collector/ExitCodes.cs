namespace Safe6G.Collector;

/// <summary>Process exit codes of every subcommand.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Runtime failure (an upstream, a port, a file that could not be written).</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or configuration; the reason is printed.</summary>
    public const int Usage = 2;
}
