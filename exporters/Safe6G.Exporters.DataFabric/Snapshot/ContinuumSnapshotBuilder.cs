using System.Text.Json;
using Safe6G.Exporters.DataFabric.Ngsi;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.DataFabric.Snapshot;

/// <summary>
/// Turns the entities of one broker into a snapshot. Each type has its own handler and tally, so the types
/// can be read in parallel; the joins (component → IE → domain) happen once all types are in.
/// </summary>
public sealed class ContinuumSnapshotBuilder
{
    private readonly Dictionary<string, TypeTally> _tallies = new(StringComparer.Ordinal);
    private readonly InfrastructureElementMetrics _ies;
    private readonly DomainMetrics _domains = new();
    private readonly ServiceMetrics _services = new();
    private readonly Dictionary<string, EntityPager.Stats> _stats = new(StringComparer.Ordinal);

    /// <summary>Creates a builder for the given entity types.</summary>
    public ContinuumSnapshotBuilder(IEnumerable<string> types)
    {
        foreach (var type in types)
            _tallies[type] = new TypeTally(type);
        _ies = new InfrastructureElementMetrics(Tally(EntityTypeNames.InfrastructureElement));
    }

    /// <summary>The handler for one type's entities (call it from one thread per type).</summary>
    public Action<JsonElement> HandlerFor(string type)
    {
        var tally = Tally(type);
        return entity =>
        {
            if (entity.ValueKind != JsonValueKind.Object)
            {
                tally.Skip("not_an_object", $"a {entity.ValueKind} in the {type} list");
                return;
            }
            if (!entity.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } id)
            {
                tally.Skip("missing_id", $"an entity of type {type}");
                return;
            }
            if (!tally.Accept(id))
                return;
            switch (type)
            {
                case EntityTypeNames.InfrastructureElement:
                    _ies.Add(entity, id);
                    break;
                case EntityTypeNames.Domain:
                    _domains.AddDomain(entity, id);
                    break;
                case EntityTypeNames.LowLevelOrchestrator:
                    _domains.AddLowLevelOrchestrator(entity, id, tally);
                    break;
                case EntityTypeNames.Service:
                    _services.AddService(entity, id);
                    break;
                case EntityTypeNames.ServiceComponent:
                    _services.AddComponent(entity, id, tally);
                    break;
                case EntityTypeNames.ServiceLifecycle:
                    _services.AddLifecycle(entity, id, tally);
                    break;
            }
        };
    }

    /// <summary>Records how reading a type went (pages, duration, announced count).</summary>
    public void RecordStats(string type, EntityPager.Stats stats)
    {
        lock (_stats)
            _stats[type] = stats;
    }

    /// <summary>Log lines describing skipped entities and rejected attributes (a few per type).</summary>
    public IEnumerable<string> Problems => _tallies.Values.SelectMany(t => t.Examples.Select(e => $"{t.Type}: {e}"));

    /// <summary>Builds the snapshot; <paramref name="source"/> labels the per-broker bookkeeping series.</summary>
    public MetricSnapshot Build(string source)
    {
        var snapshot = new MetricSnapshot();
        _domains.AddTo(snapshot);
        _ies.AddTo(snapshot);
        _services.AddTo(snapshot, _ies.DomainOf);

        var entities = snapshot.Gauge("datafabric_entities", "Entities read from the broker in this scrape, by type.", "source", "type");
        var skipped = snapshot.Gauge("datafabric_entities_skipped", "Entities left out of this scrape, by type and reason.", "source", "type", "reason");
        var invalid = snapshot.Gauge("datafabric_attribute_errors", "Attributes ignored in this scrape because their value had the wrong type.", "source", "type", "attribute");
        var duration = snapshot.Gauge("datafabric_broker_request_duration_seconds", "Time spent reading one entity type from the broker (all pages).", "source", "type");
        var pages = snapshot.Gauge("datafabric_broker_pages", "Pages requested for one entity type.", "source", "type");
        foreach (var tally in _tallies.Values.OrderBy(t => t.Type, StringComparer.Ordinal))
        {
            entities.Add(tally.Accepted, source, tally.Type);
            foreach (var (reason, count) in tally.Skipped.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                skipped.Add(count, source, tally.Type, reason);
            foreach (var (attribute, count) in tally.InvalidAttributes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                invalid.Add(count, source, tally.Type, attribute);
            if (_stats.TryGetValue(tally.Type, out var stats))
            {
                duration.Add(stats.Duration.TotalSeconds, source, tally.Type);
                pages.Add(stats.Pages, source, tally.Type);
            }
        }
        return snapshot;
    }

    private TypeTally Tally(string type)
    {
        if (!_tallies.TryGetValue(type, out var tally))
            _tallies[type] = tally = new TypeTally(type);
        return tally;
    }
}
