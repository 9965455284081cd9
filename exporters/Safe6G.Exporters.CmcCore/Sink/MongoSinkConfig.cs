using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.CmcCore.Sink;

/// <summary>The <c>mongodb:</c> section: where every poll's snapshot is written as documents, and how hard to try.</summary>
public sealed class MongoSinkConfig : IValidatableConfig
{
    /// <summary>MongoDB connection string, e.g. mongodb://mongo:27017/?directConnection=true.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Database name.</summary>
    public string Database { get; set; } = "safe6g";

    /// <summary>Collection name (a time-series collection when the server supports it).</summary>
    public string Collection { get; set; } = "cmc_samples";

    /// <summary>How long documents are kept (time-series expireAfterSeconds, or the TTL index on <c>ts</c>).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Documents per insertMany.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Documents held in memory (queued or being written) while MongoDB is slow or away; beyond this new documents are dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>First wait before retrying a failed batch; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between retries.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound of one write (server selection and the insert itself).</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(ConnectionString.StartsWith("mongodb://", StringComparison.Ordinal) || ConnectionString.StartsWith("mongodb+srv://", StringComparison.Ordinal),
            "connection_string", "must be a mongodb:// or mongodb+srv:// connection string");
        context.Require(Database.Length > 0 && Database.IndexOfAny(['/', '\\', '.', ' ', '"', '$']) < 0, "database", "must be a valid database name");
        context.Require(Collection.Length > 0 && !Collection.Contains('$', StringComparison.Ordinal), "collection", "must be a valid collection name");
        context.Require(Retention > TimeSpan.Zero, "retention", "must be positive");
        context.Require(BatchSize is >= 1 and <= 100_000, "batch_size", "must be between 1 and 100000");
        context.Require(QueueCapacity >= BatchSize, "queue_capacity", "must be at least batch_size");
        context.Require(InitialBackoff > TimeSpan.Zero && MaxBackoff >= InitialBackoff, "max_backoff", "initial_backoff must be positive and max_backoff at least initial_backoff");
        context.Require(WriteTimeout > TimeSpan.Zero, "write_timeout", "must be positive");
    }

    /// <summary>True when both configs write to the same place the same way (a reload then keeps the running sink).</summary>
    public bool SameAs(MongoSinkConfig other) =>
        ConnectionString == other.ConnectionString && Database == other.Database && Collection == other.Collection && Retention == other.Retention
        && BatchSize == other.BatchSize && QueueCapacity == other.QueueCapacity && InitialBackoff == other.InitialBackoff
        && MaxBackoff == other.MaxBackoff && WriteTimeout == other.WriteTimeout;
}
