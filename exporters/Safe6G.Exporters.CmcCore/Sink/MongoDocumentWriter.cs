using MongoDB.Bson;
using MongoDB.Driver;

namespace Safe6G.Exporters.CmcCore.Sink;

/// <summary>
/// Writes batches with MongoDB.Driver. The collection is a time-series collection (timeField <c>ts</c>, metaField
/// <c>meta</c>, expireAfterSeconds) where the server supports it (MongoDB ≥ 5.0); otherwise a plain collection with
/// a TTL index on <c>ts</c>. Inserts are unordered, so one bad document does not hold back the rest.
/// </summary>
public sealed class MongoDocumentWriter : IDocumentWriter
{
    private readonly MongoSinkConfig _config;
    private readonly IMongoDatabase _database;

    /// <summary>Creates the client; nothing is contacted until the first call.</summary>
    public MongoDocumentWriter(MongoSinkConfig config)
    {
        _config = config;
        var settings = MongoClientSettings.FromConnectionString(config.ConnectionString);
        // A dead server must fail a write within write_timeout, not the driver's 30 s default, so the queue logic sees it.
        // Connect and socket timeouts stay the driver's: tying them to a short write_timeout kept a loaded (slow to
        // handshake) server from ever being connected; each call is bounded by write_timeout through its token anyway.
        settings.ServerSelectionTimeout = config.WriteTimeout;
        _database = new MongoClient(settings).GetDatabase(config.Database);
    }

    /// <inheritdoc />
    public async Task<string> PrepareAsync(CancellationToken cancellationToken)
    {
        var names = await (await _database.ListCollectionNamesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var exists = names.Contains(_config.Collection, StringComparer.Ordinal);
        if (!exists && await ServerMajorVersionAsync(cancellationToken).ConfigureAwait(false) >= 5)
        {
            try
            {
                await _database.CreateCollectionAsync(_config.Collection, new CreateCollectionOptions
                {
                    TimeSeriesOptions = new TimeSeriesOptions("ts", "meta", TimeSeriesGranularity.Seconds),
                    ExpireAfter = _config.Retention,
                }, cancellationToken).ConfigureAwait(false);
                if (await IsTimeSeriesAsync(cancellationToken).ConfigureAwait(false))
                    return "timeseries";
            }
            catch (MongoCommandException)
            {
                // Servers that claim 5.0+ but refuse time-series options: fall back to the TTL index below.
            }
        }
        else if (exists && await IsTimeSeriesAsync(cancellationToken).ConfigureAwait(false))
        {
            return "timeseries";
        }
        var collection = _database.GetCollection<BsonDocument>(_config.Collection);
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("ts"),
            new CreateIndexOptions { ExpireAfter = _config.Retention, Name = "ts_ttl" }), cancellationToken: cancellationToken).ConfigureAwait(false);
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("meta.metric").Ascending("ts"),
            new CreateIndexOptions { Name = "metric_ts" }), cancellationToken: cancellationToken).ConfigureAwait(false);
        return "ttl_index";
    }

    /// <inheritdoc />
    public Task InsertAsync(IReadOnlyList<BsonDocument> batch, CancellationToken cancellationToken) =>
        _database.GetCollection<BsonDocument>(_config.Collection)
            .InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, cancellationToken);

    private async Task<int> ServerMajorVersionAsync(CancellationToken cancellationToken)
    {
        var info = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1), cancellationToken: cancellationToken).ConfigureAwait(false);
        var version = info.GetValue("version", "0").AsString;
        return int.TryParse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : 0;
    }

    private async Task<bool> IsTimeSeriesAsync(CancellationToken cancellationToken)
    {
        var filter = new ListCollectionsOptions { Filter = new BsonDocument("name", _config.Collection) };
        var found = await (await _database.ListCollectionsAsync(filter, cancellationToken).ConfigureAwait(false))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is not null && found.GetValue("type", "collection").AsString == "timeseries";
    }
}
