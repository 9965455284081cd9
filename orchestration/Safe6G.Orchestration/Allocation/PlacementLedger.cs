namespace Safe6G.Orchestration.Allocation;

/// <summary>
/// What this orchestrator has placed where. The IE series lag behind a placement (and the simulator does not
/// move at all), so the demand of our own placements is counted on top of the observed usage: conservative,
/// never over capacity. Not thread-safe: the allocator serialises decisions.
/// </summary>
public sealed class PlacementLedger
{
    private readonly Dictionary<string, IeLoad> _byIe = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Service, string Component), (string Ie, double Cores, double Ram)> _placements = [];
    private readonly Dictionary<string, Dictionary<string, int>> _tfDomains = new(StringComparer.Ordinal);

    /// <summary>Load our placements put on one IE.</summary>
    public sealed class IeLoad
    {
        public double Cores { get; internal set; }
        public double RamBytes { get; internal set; }
        public Dictionary<string, int> ComponentsByService { get; } = new(StringComparer.Ordinal);
        public int Components { get; internal set; }
    }

    private static readonly IeLoad Empty = new();

    public IeLoad LoadOf(string ie) => _byIe.GetValueOrDefault(ie) ?? Empty;

    public string? PlacementOf(string service, string component) => _placements.TryGetValue((service, component), out var p) ? p.Ie : null;

    /// <summary>The domain holding most of a trust function's placed components (null when none is placed).</summary>
    public string? TrustFunctionDomain(string service) =>
        _tfDomains.TryGetValue(service, out var d) && d.Count > 0 ? d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key : null;

    public void Reserve(ComponentRequest request, string ie, string domain)
    {
        Release(request.ServiceId, request.Component);
        if (!_byIe.TryGetValue(ie, out var load))
            _byIe[ie] = load = new IeLoad();
        load.Cores += request.CpuCores;
        load.RamBytes += request.RamBytes;
        load.Components++;
        load.ComponentsByService[request.ServiceId] = load.ComponentsByService.GetValueOrDefault(request.ServiceId) + 1;
        _placements[(request.ServiceId, request.Component)] = (ie, request.CpuCores, request.RamBytes);
        if (request.TrustFunction)
        {
            if (!_tfDomains.TryGetValue(request.ServiceId, out var domains))
                _tfDomains[request.ServiceId] = domains = new Dictionary<string, int>(StringComparer.Ordinal);
            domains[domain] = domains.GetValueOrDefault(domain) + 1;
            _tfDomainOf[(request.ServiceId, request.Component)] = domain;
        }
    }

    private readonly Dictionary<(string, string), string> _tfDomainOf = [];

    public void Release(string service, string component)
    {
        if (!_placements.Remove((service, component), out var p))
            return;
        var load = _byIe[p.Ie];
        load.Cores -= p.Cores;
        load.RamBytes -= p.Ram;
        load.Components--;
        if (--load.ComponentsByService[service] == 0)
            load.ComponentsByService.Remove(service);
        if (load.Components == 0)
            _byIe.Remove(p.Ie);
        if (_tfDomainOf.Remove((service, component), out var domain) && _tfDomains.TryGetValue(service, out var domains) && --domains[domain] == 0)
            domains.Remove(domain);
    }
}
