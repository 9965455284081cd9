using System.Text.Json;
using Safe6G.Exporters.DataFabric.Ngsi;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.DataFabric.Snapshot;

/// <summary>Domain and LowLevelOrchestrator → inventory and status families.</summary>
internal sealed class DomainMetrics
{
    /// <summary>Domain states of the federator and the SDM (aerios.md §3.2).</summary>
    public static readonly string[] States = ["Preliminary", "Functional", "Removed", "Disabled", "Untrusted"];

    private readonly MetricFamily _info = new("datafabric_domain_info", "Domains of the continuum; value 1.", MetricType.Info,
        ["domain", "description", "public_url", "entrypoint"]);

    private readonly MetricFamily _status = new("datafabric_domain_status", "Domain status as a state set.", MetricType.StateSet,
        ["domain", "status"]);

    private readonly MetricFamily _llo = new("datafabric_low_level_orchestrator_info", "Low-level orchestrators; value 1.", MetricType.Info,
        ["domain", "low_level_orchestrator", "orchestration_type"]);

    public void AddDomain(JsonElement entity, string id)
    {
        var domain = NgsiAttributes.ShortId(id, "Domain");
        var entrypoint = NgsiAttributes.Bool(entity, "isEntrypoint", out _);
        _info.Add(1, domain, NgsiAttributes.Text(entity, "description") ?? "", NgsiAttributes.Text(entity, "publicUrl") ?? "",
            entrypoint is true ? "true" : "false");
        var status = NgsiAttributes.Enum(entity, "domainStatus");
        if (status == "Preliminar")
            status = "Preliminary"; // the older aerOS spelling
        foreach (var state in States)
            _status.Add(state == status ? 1 : 0, domain, state);
        if (status is not null && Array.IndexOf(States, status) < 0)
            _status.Add(1, domain, status);
    }

    public void AddLowLevelOrchestrator(JsonElement entity, string id, TypeTally tally)
    {
        var domain = NgsiAttributes.Reference(entity, "domain");
        if (domain is null)
        {
            tally.Skip("missing_domain", id);
            return;
        }
        _llo.Add(1, NgsiAttributes.ShortId(domain, "Domain"), NgsiAttributes.ShortId(id, "LowLevelOrchestrator"),
            NgsiAttributes.Enum(entity, "orchestrationType") ?? "");
    }

    public void AddTo(MetricSnapshot snapshot)
    {
        snapshot.Add(_info);
        snapshot.Add(_status);
        snapshot.Add(_llo);
    }
}
