namespace Safe6G.Orchestration.Continuum;

/// <summary>Reads the current state of every IE.</summary>
public interface IContinuumReader
{
    /// <summary>Throws <see cref="ContinuumReadException"/> when the state cannot be read in time.</summary>
    Task<ContinuumSnapshot> ReadAsync(CancellationToken cancellationToken);
}
