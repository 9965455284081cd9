using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Broker;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Deployment;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Lifecycle;

/// <summary>
/// The HLO's lifecycle manager behind /hlo_fe/services (seed Table 1). Requests change the records at once and
/// queue the work (read IE state, allocate, plan, write to the broker); jobs run one at a time, so the placement
/// ledger and the broker see one consistent order. A failure to read Prometheus fails the job with that reason.
/// </summary>
public sealed class ServiceOrchestrator
{
    public const string MeterName = "Safe6G.Orchestration";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("safe6g_orchestrator_decisions", description: "Allocation decisions by outcome (placed, no_fit, read_error).");
    private static readonly Histogram<double> DecisionSeconds = Meter.CreateHistogram<double>("safe6g_orchestrator_decision_duration", "s", "Time to filter and score the candidates of one component.");
    private static readonly Counter<long> Migrations = Meter.CreateCounter<long>("safe6g_orchestrator_migrations", description: "Components moved off an overloaded IE.");
    private static readonly Counter<long> StateWriteErrors = Meter.CreateCounter<long>("safe6g_orchestrator_state_write_errors", description: "Failed writes of the state file.");

    private readonly IContinuumReader _reader;
    private readonly IBrokerWriter _broker;
    private readonly OrchestratorOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly MetricAllocator _allocator;
    private readonly object _lock = new();
    private readonly Dictionary<string, ServiceRecord> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _brokerErrors = new(StringComparer.Ordinal);
    private readonly PlacementLedger _ledger = new();
    private readonly ServiceStateFile? _state;
    private Task _tail = Task.CompletedTask;

    public ServiceOrchestrator(IContinuumReader reader, IBrokerWriter broker, OrchestratorOptions options, TimeProvider clock, ILogger log,
        ServiceStateFile? state = null)
    {
        _state = state;
        _reader = reader;
        _broker = broker;
        _options = options;
        _clock = clock;
        _log = log;
        _allocator = new MetricAllocator(options.Weights, options.ExplainTop);
    }

    /// <summary>
    /// Reads the state file (if any) at start: placed components take their place in the ledger again, and work that
    /// was under way when the process stopped (starting, migrating, removing) is queued again. Returns the services read.
    /// </summary>
    /// <exception cref="InvalidDataException">The state file exists but cannot be read.</exception>
    public int Restore()
    {
        if (_state is null)
            return 0;
        var records = _state.Load();
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            foreach (var record in records)
            {
                var id = record.Id;
                _services[id] = record;
                var pending = new List<string>();
                var removing = new List<string>();
                var moving = new List<string>();
                foreach (var c in record.Components)
                {
                    if (c.Status is ComponentStatus.Running or ComponentStatus.Overload or ComponentStatus.Migrating && c.Ie is not null)
                        _ledger.Reserve(Request(record, c.Spec), c.Ie, c.Domain ?? "");
                    if (c.Status is ComponentStatus.Overload or ComponentStatus.Migrating && c.Ie is not null)
                    {
                        c.Status = ComponentStatus.Overload;
                        moving.Add(c.Name);
                    }
                    else if (c.Status is ComponentStatus.Starting or ComponentStatus.Migrating)
                    {
                        pending.Add(c.Name);
                    }
                    else if (c.Status == ComponentStatus.Removing)
                    {
                        removing.Add(c.Name);
                    }
                }
                record.Record(now, "restore", $"read from {_state.Path}; resumed: {pending.Count} starting, {moving.Count} moving, {removing.Count} removing");
                if (removing.Count > 0)
                    Enqueue(ct => FinishRemovalAsync(id, removing, ct));
                if (pending.Count > 0)
                    Enqueue(ct => AllocateAsync(id, pending, allOrNothing: false, "restore", ct));
                foreach (var name in moving)
                    Enqueue(ct => MigrateAsync(id, name, "restored while overloaded", ct));
            }
        }
        return records.Count;
    }

    /// <summary>Completes when every queued job has run (tests, shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock) return _tail;
    }

    public ServiceSnapshot? Get(string id)
    {
        lock (_lock) return _services.TryGetValue(id, out var r) ? ServiceSnapshot.Of(r, _brokerErrors.GetValueOrDefault(id)) : null;
    }

    public IReadOnlyList<ServiceSnapshot> List()
    {
        lock (_lock) return _services.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => ServiceSnapshot.Of(r, _brokerErrors.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>POST /{id}: a new service; 409 when the id is taken (PUT re-allocates, purge frees the id).</summary>
    public OperationResult Deploy(string id, ServiceDescriptor descriptor)
    {
        lock (_lock)
        {
            if (_services.TryGetValue(id, out var existing))
                return OperationResult.Conflict($"service '{id}' already exists ({existing.Action}); PATCH upgrades it, PUT re-allocates it after DELETE, DELETE …/purge removes it");
            var now = _clock.GetUtcNow();
            var record = new ServiceRecord { Id = id, Descriptor = descriptor, CreatedAt = now, UpdatedAt = now };
            foreach (var spec in descriptor.Components)
                record.Components.Add(new ComponentRecord { Name = spec.Name, Id = ContinuumIds.ComponentUrn(id, spec.Name), Spec = spec });
            record.Record(now, "deploy", $"{descriptor.Components.Count} component(s) requested");
            _services[id] = record;
            Enqueue(ct => AllocateAsync(id, [.. record.Components.Select(c => c.Name)], allOrNothing: true, "deploy", ct));
            return OperationResult.Accepted("starting");
        }
    }

    /// <summary>PATCH /{id}: upgrade to a new descriptor; unchanged components stay, changed ones stay on their IE if it still fits.</summary>
    public OperationResult Upgrade(string id, ServiceDescriptor descriptor)
    {
        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record))
                return OperationResult.NotFound($"service '{id}' not found");
            if (!record.IsRunning)
                return OperationResult.Conflict($"service '{id}' is not running ({record.Action}); PUT re-allocates a deallocated service");
            var now = _clock.GetUtcNow();
            var changed = new List<string>();
            foreach (var spec in descriptor.Components)
            {
                var current = record.Find(spec.Name);
                if (current is null)
                {
                    record.Components.Add(new ComponentRecord { Name = spec.Name, Id = ContinuumIds.ComponentUrn(id, spec.Name), Spec = spec });
                    changed.Add(spec.Name);
                }
                else if (!Same(current.Spec, spec) || current.Status is ComponentStatus.Failed or ComponentStatus.Finished)
                {
                    current.Spec = spec;
                    current.Status = ComponentStatus.Starting;
                    changed.Add(spec.Name);
                }
            }
            var removed = record.Components.Where(c => descriptor.Components.All(s => s.Name != c.Name) && c.Status != ComponentStatus.Finished).ToList();
            foreach (var c in removed)
            {
                _ledger.Release(id, c.Name);
                c.Status = ComponentStatus.Removing;
            }
            record.Descriptor = descriptor;
            record.Revision++;
            record.Action = ServiceAction.DEPLOYING;
            record.Reason = null;
            record.Record(now, "upgrade", $"revision {record.Revision}: {changed.Count} changed, {removed.Count} removed");
            Enqueue(async ct =>
            {
                await FinishRemovalAsync(id, [.. removed.Select(c => c.Name)], ct).ConfigureAwait(false);
                await AllocateAsync(id, changed, allOrNothing: false, "upgrade", ct).ConfigureAwait(false);
            });
            return OperationResult.Accepted("upgrading");
        }
    }

    /// <summary>PATCH /{id}/component/{componentId}: update one component.</summary>
    public OperationResult UpdateComponent(string id, string component, ComponentSpec spec)
    {
        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record))
                return OperationResult.NotFound($"service '{id}' not found");
            if (record.Find(component) is not { } current)
                return OperationResult.NotFound($"service '{id}' has no component '{component}'");
            if (!record.IsRunning)
                return OperationResult.Conflict($"service '{id}' is not running ({record.Action}); PUT re-allocates it first");
            current.Spec = spec with { Name = component };
            current.Status = ComponentStatus.Starting;
            record.Descriptor = record.Descriptor with { Components = [.. record.Components.Select(c => c.Spec)] };
            record.Revision++;
            record.Record(_clock.GetUtcNow(), "update-component", $"{component}: revision {record.Revision}");
            Enqueue(ct => AllocateAsync(id, [component], allOrNothing: false, "update-component", ct));
            return OperationResult.Accepted("updating");
        }
    }

    /// <summary>PUT /{id}: re-allocate a service that was deallocated (or failed); 409 while it runs.</summary>
    public OperationResult Reallocate(string id)
    {
        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record))
                return OperationResult.NotFound($"service '{id}' not found");
            if (record.IsRunning)
                return OperationResult.Conflict($"service '{id}' is running ({record.Action}); PUT re-allocates a deallocated service: DELETE it first");
            foreach (var c in record.Components)
            {
                c.Status = ComponentStatus.Starting;
                c.Reason = null;
                c.Ie = null;
                c.Domain = null;
                c.Plan = null;
            }
            record.Action = ServiceAction.DEPLOYING;
            record.Reason = null;
            record.Record(_clock.GetUtcNow(), "reallocate", "re-allocating every component");
            Enqueue(ct => AllocateAsync(id, [.. record.Components.Select(c => c.Name)], allOrNothing: true, "reallocate", ct));
            return OperationResult.Accepted("starting");
        }
    }

    /// <summary>DELETE /{id}: deallocate (components Removing, then Finished); the record stays for PUT or purge.</summary>
    public OperationResult Deallocate(string id)
    {
        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record))
                return OperationResult.NotFound($"service '{id}' not found");
            if (!record.IsRunning)
                return OperationResult.Conflict($"service '{id}' is not running ({record.Action}); nothing to deallocate");
            var names = new List<string>();
            foreach (var c in record.Components.Where(c => c.Status is not (ComponentStatus.Finished or ComponentStatus.Failed)))
            {
                _ledger.Release(id, c.Name);
                c.Status = ComponentStatus.Removing;
                names.Add(c.Name);
            }
            record.Action = ServiceAction.DESTROYING;
            record.Record(_clock.GetUtcNow(), "remove", $"{names.Count} component(s) removing");
            Enqueue(ct => FinishRemovalAsync(id, names, ct));
            return OperationResult.Accepted("removing");
        }
    }

    /// <summary>DELETE /{id}/purge: forget the service and delete its entities from the broker; only when not running.</summary>
    public async Task<OperationResult> PurgeAsync(string id, CancellationToken cancellationToken)
    {
        ServiceSnapshot snapshot;
        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record))
                return OperationResult.NotFound($"service '{id}' not found");
            if (record.IsRunning)
                return new OperationResult(Outcome.BadRequest, $"service '{id}' is running ({record.Action}); DELETE it and wait for Finished before purging");
            snapshot = ServiceSnapshot.Of(record, null);
            _services.Remove(id);
            _brokerErrors.Remove(id);
            SaveState();
        }
        var error = await _broker.DeleteAsync(snapshot, cancellationToken).ConfigureAwait(false);
        return new OperationResult(Outcome.Done, error is null ? "purged" : $"purged here; the broker could not be cleaned: {error}");
    }

    /// <summary>aeriOS's POST /ie-alert: move one component off its IE.</summary>
    public OperationResult Alert(string componentUrn, string reason)
    {
        lock (_lock)
        {
            var found = _services.Values.SelectMany(s => s.Components.Select(c => (s, c))).FirstOrDefault(x => x.c.Id == componentUrn);
            if (found.c is null)
                return OperationResult.NotFound($"no managed component '{componentUrn}'");
            if (found.c.Status != ComponentStatus.Running)
                return OperationResult.Conflict($"component '{componentUrn}' is {found.c.Status}, not Running");
            found.c.Status = ComponentStatus.Overload;
            found.c.Reason = reason;
            var (service, component) = (found.s.Id, found.c.Name);
            Enqueue(ct => MigrateAsync(service, component, reason, ct));
            return OperationResult.Accepted("migrating");
        }
    }

    /// <summary>Alertmanager-style: every Running component on the IE is moved.</summary>
    public int AlertIe(string ie, string reason)
    {
        lock (_lock)
        {
            var hits = _services.Values.SelectMany(s => s.Components.Where(c => c.Status == ComponentStatus.Running && c.Ie == ContinuumIds.IeShort(ie))
                .Select(c => (Service: s.Id, c))).ToList();
            foreach (var (service, c) in hits)
            {
                c.Status = ComponentStatus.Overload;
                c.Reason = reason;
                var name = c.Name;
                Enqueue(ct => MigrateAsync(service, name, reason, ct));
            }
            return hits.Count;
        }
    }

    /// <summary>The polling side of re-allocation: components on an IE whose status is now Overload are moved.</summary>
    public async Task<int> CheckOverloadsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var overloaded = snapshot.Ies.Where(ie => ie.Status == "Overload").Select(ie => ie.Id).ToList();
        var moved = 0;
        foreach (var ie in overloaded)
            moved += AlertIe(ie, $"IE {ie} is Overload (datafabric_infrastructure_element_status)");
        return moved;
    }

    private void Enqueue(Func<CancellationToken, Task> job)
    {
        // Called under _lock: the chain keeps jobs in request order, one at a time.
        _tail = _tail.ContinueWith(async _ =>
        {
            try
            {
                await job(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _log.LogError(ex, "orchestrator job failed");
            }
            lock (_lock)
                SaveState();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
    }

    private async Task AllocateAsync(string id, IReadOnlyList<string> components, bool allOrNothing, string operation, CancellationToken ct)
    {
        if (components.Count == 0)
        {
            lock (_lock)
                if (_services.TryGetValue(id, out var r)) SettleAction(r);
            await SyncBrokerAsync(id, [], ct).ConfigureAwait(false);
            return;
        }
        ContinuumSnapshot snapshot;
        try
        {
            snapshot = await _reader.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (ContinuumReadException ex)
        {
            Decisions.Add(components.Count, new KeyValuePair<string, object?>("outcome", "read_error"));
            lock (_lock)
            {
                if (!_services.TryGetValue(id, out var r)) return;
                foreach (var c in components.Select(r.Find).OfType<ComponentRecord>())
                {
                    _ledger.Release(id, c.Name);
                    c.Status = ComponentStatus.Failed;
                    c.Reason = $"could not read IE state: {ex.Message}";
                }
                r.Reason = $"could not read IE state: {ex.Message}";
                SettleAction(r);
                r.Record(_clock.GetUtcNow(), operation, r.Reason);
            }
            await SyncBrokerAsync(id, components, ct).ConfigureAwait(false);
            return;
        }

        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record)) return;
            var placed = new List<ComponentRecord>();
            string? failure = null;
            foreach (var c in components.Select(record.Find).OfType<ComponentRecord>())
            {
                var previous = c.Ie;
                _ledger.Release(id, c.Name);
                var request = Request(record, c.Spec);
                var started = Stopwatch.GetTimestamp();
                var decision = _allocator.Decide(request, snapshot.Ies, _ledger);
                DecisionSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                // An update keeps its IE when the IE still passes the hard filter: no needless move.
                if (previous is not null && snapshot.Find(previous) is { } stay && HardFilter.Check(stay, request, _ledger.LoadOf(stay.Id)) is null)
                    decision = decision with { Ie = stay.Id, Domain = stay.Domain, Reason = null };
                c.Decision = decision;
                Decisions.Add(1, new KeyValuePair<string, object?>("outcome", decision.Placed ? "placed" : "no_fit"));
                if (!decision.Placed)
                {
                    c.Status = ComponentStatus.Failed;
                    c.Reason = decision.Reason;
                    c.Ie = null;
                    c.Domain = null;
                    c.Plan = null;
                    failure ??= $"component '{c.Name}': {decision.Reason}";
                    if (allOrNothing) break;
                    continue;
                }
                var ie = snapshot.Find(decision.Ie!)!;
                _ledger.Reserve(request, ie.Id, ie.Domain);
                c.Ie = ie.Id;
                c.Domain = ie.Domain;
                c.Reason = previous is not null && previous == ie.Id ? "kept on its IE (it still passes the hard filter)" : null;
                c.Plan = DeploymentPlanner.Plan(id, record.Descriptor, c.Spec, ie, _options.Namespace);
                c.Status = ComponentStatus.Running;
                placed.Add(c);
            }
            if (failure is not null && allOrNothing)
            {
                // aeriOS: no candidates for one component fails the whole service.
                foreach (var c in record.Components.Where(c => components.Contains(c.Name)))
                {
                    _ledger.Release(id, c.Name);
                    if (c.Status != ComponentStatus.Failed)
                    {
                        c.Status = ComponentStatus.Failed;
                        c.Reason = $"not deployed: {failure}";
                        c.Ie = null;
                        c.Domain = null;
                        c.Plan = null;
                    }
                }
            }
            record.Reason = failure;
            SettleAction(record);
            record.Record(_clock.GetUtcNow(), operation, failure ?? string.Join(", ", placed.Select(c => $"{c.Name} → {c.Ie}")));
        }
        await SyncBrokerAsync(id, components, ct).ConfigureAwait(false);
    }

    private async Task MigrateAsync(string id, string component, string reason, CancellationToken ct)
    {
        await SyncBrokerAsync(id, [component], ct).ConfigureAwait(false); // Overload first, so the broker shows it
        ContinuumSnapshot? snapshot = null;
        string? readError = null;
        try
        {
            snapshot = await _reader.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (ContinuumReadException ex)
        {
            readError = ex.Message;
        }
        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record) || record.Find(component) is not { } c || c.Status != ComponentStatus.Overload)
                return;
            if (snapshot is null)
            {
                c.Reason = $"{reason}; could not read IE state to move it: {readError}";
                record.Record(_clock.GetUtcNow(), "migrate", c.Reason);
                return;
            }
            c.Status = ComponentStatus.Migrating;
            var from = c.Ie!;
            var request = Request(record, c.Spec) with { ExcludeIe = from };
            var fromDomain = c.Domain ?? "";
            _ledger.Release(id, component);
            var decision = _allocator.Decide(request, snapshot.Ies, _ledger);
            c.Decision = decision;
            if (!decision.Placed)
            {
                // Nowhere better to go: it stays where it is, still overloaded, and says why.
                _ledger.Reserve(request, from, fromDomain);
                c.Status = ComponentStatus.Overload;
                c.Reason = $"{reason}; no other IE fits: {decision.Reason}";
                record.Record(_clock.GetUtcNow(), "migrate", c.Reason);
            }
            else
            {
                var ie = snapshot.Find(decision.Ie!)!;
                _ledger.Reserve(request, ie.Id, ie.Domain);
                c.Ie = ie.Id;
                c.Domain = ie.Domain;
                c.Plan = DeploymentPlanner.Plan(id, record.Descriptor, c.Spec, ie, _options.Namespace);
                c.Status = ComponentStatus.Running;
                c.Reason = $"moved from {from}: {reason}";
                Migrations.Add(1);
                record.Record(_clock.GetUtcNow(), "migrate", $"{component}: {from} → {ie.Id} ({reason})");
            }
        }
        await SyncBrokerAsync(id, [component], ct).ConfigureAwait(false);
    }

    private async Task FinishRemovalAsync(string id, IReadOnlyList<string> components, CancellationToken ct)
    {
        if (components.Count == 0) return;
        await SyncBrokerAsync(id, components, ct).ConfigureAwait(false); // Removing, as aeriOS writes it
        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record)) return;
            foreach (var c in components.Select(record.Find).OfType<ComponentRecord>().Where(c => c.Status == ComponentStatus.Removing))
            {
                c.Status = ComponentStatus.Finished;
                c.Ie = null;
                c.Domain = null;
            }
            SettleAction(record);
            record.Record(_clock.GetUtcNow(), "remove", $"{components.Count} component(s) finished");
        }
        await SyncBrokerAsync(id, components, ct).ConfigureAwait(false);
    }

    private static void SettleAction(ServiceRecord record)
    {
        var statuses = record.Components.Select(c => c.Status).ToList();
        record.Action = statuses.All(s => s == ComponentStatus.Finished) ? ServiceAction.FINISHED
            : statuses.Any(s => s == ComponentStatus.Removing) ? ServiceAction.DESTROYING
            : statuses.Any(s => s is ComponentStatus.Starting or ComponentStatus.Migrating) ? ServiceAction.DEPLOYING
            : statuses.All(s => s is ComponentStatus.Failed or ComponentStatus.Finished) ? ServiceAction.FAILED
            : ServiceAction.DEPLOYED;
    }

    private async Task SyncBrokerAsync(string id, IReadOnlyList<string> components, CancellationToken ct)
    {
        ServiceSnapshot snapshot;
        lock (_lock)
        {
            if (!_services.TryGetValue(id, out var record)) return;
            snapshot = ServiceSnapshot.Of(record, null);
        }
        var errors = new List<string>();
        if (await _broker.WriteServiceAsync(snapshot, ct).ConfigureAwait(false) is { } e)
            errors.Add(e);
        foreach (var c in snapshot.Components.Where(c => components.Contains(c.Name)))
            if (await _broker.WriteComponentAsync(snapshot, c, ct).ConfigureAwait(false) is { } ce)
                errors.Add(ce);
        if (errors.Count > 0)
            _log.LogWarning("could not write service {Service} to the broker: {Errors}", id, string.Join("; ", errors));
        lock (_lock)
            if (_services.ContainsKey(id))
                _brokerErrors[id] = errors.Count == 0 ? null : string.Join("; ", errors);
    }

    /// <summary>Writes the state file after a change; called under <c>_lock</c>. A failed write is logged and counted, never fatal.</summary>
    private void SaveState()
    {
        if (_state is null)
            return;
        try
        {
            _state.Save(_services.Values);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            StateWriteErrors.Add(1);
            _log.LogError(ex, "could not write the state file {Path}", _state.Path);
        }
    }

    private ComponentRequest Request(ServiceRecord record, ComponentSpec spec) => new(record.Id, spec.Name,
        spec.Placement.NumCpus ?? _options.DefaultCpuCores, spec.Placement.MemBytes ?? _options.DefaultRamBytes, spec.Placement,
        record.Descriptor.BelongsToTrustFunction);

    private static bool Same(ComponentSpec a, ComponentSpec b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
