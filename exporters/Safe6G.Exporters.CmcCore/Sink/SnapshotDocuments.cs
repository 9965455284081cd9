using MongoDB.Bson;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.CmcCore.Sink;

/// <summary>
/// A snapshot as rows: one document per sample, <c>{ts, meta: {core, metric, type, labels: {…}}, value}</c>. The
/// meta sub-document is the time-series metaField, so MongoDB buckets each series together.
/// </summary>
public static class SnapshotDocuments
{
    /// <summary>Converts every sample of <paramref name="snapshot"/> taken at <paramref name="at"/>.</summary>
    public static IEnumerable<BsonDocument> From(string core, MetricSnapshot snapshot, DateTimeOffset at)
    {
        var ts = new BsonDateTime(at.UtcDateTime);
        foreach (var family in snapshot.Families)
        {
            var type = family.Type.ToString().ToLowerInvariant();
            foreach (var sample in family.Samples)
            {
                var labels = new BsonDocument();
                for (var i = 0; i < family.LabelNames.Length; i++)
                    labels.Add(family.LabelNames[i], sample.LabelValues[i]);
                yield return new BsonDocument
                {
                    { "ts", ts },
                    { "meta", new BsonDocument { { "core", core }, { "metric", family.Name }, { "type", type }, { "labels", labels } } },
                    { "value", sample.Value },
                };
            }
        }
    }
}
