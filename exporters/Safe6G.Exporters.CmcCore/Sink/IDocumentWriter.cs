using MongoDB.Bson;

namespace Safe6G.Exporters.CmcCore.Sink;

/// <summary>Where the sink's batches go: MongoDB in production, a substitute in tests for faults no test server can produce.</summary>
public interface IDocumentWriter
{
    /// <summary>Creates the collection and its indexes if needed; returns how documents are stored ("timeseries" or "ttl_index").</summary>
    Task<string> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Inserts one batch; throws on any failure (the sink retries the whole batch).</summary>
    Task InsertAsync(IReadOnlyList<BsonDocument> batch, CancellationToken cancellationToken);
}
