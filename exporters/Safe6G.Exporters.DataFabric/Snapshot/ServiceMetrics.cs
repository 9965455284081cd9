using System.Text.Json;
using Safe6G.Exporters.DataFabric.Ngsi;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.DataFabric.Snapshot;

/// <summary>
/// Service, ServiceComponent and ServiceLifecycle → inventory, placement (component → IE → domain) and counts
/// by status and by the SAFE-6G trust-function attributes (seed §2.1.1).
/// </summary>
internal sealed class ServiceMetrics
{
    private readonly List<(string Service, string Domain, string Action, string TrustFunction, string Dimension)> _services = [];
    private readonly List<(string Service, string Component, string? Ie, string Status, string Element, string Continuum, string Core, string OtherService)> _components = [];
    private readonly MetricFamily _lifecycle = new("datafabric_service_lifecycle_info",
        "SAFE-6G ServiceLifecycle of a service (operation, stage, status); value 1.", MetricType.Info,
        ["service", "operation", "stage", "status"]);

    private readonly MetricFamily _revision = new("datafabric_service_lifecycle_revision", "Revision of the service's lifecycle.", MetricType.Gauge, ["service"]);

    public void AddService(JsonElement entity, string id)
    {
        var domain = NgsiAttributes.Reference(entity, "domainHandler") is { } handler ? NgsiAttributes.ShortId(handler, "Domain") : "";
        // HLO-FE writes urn:ngsi-ld:null for a handled service (aerios.md §3.4).
        var action = NgsiAttributes.Enum(entity, "actionType") ?? "HANDLED";
        var trust = NgsiAttributes.Bool(entity, "belongsToTrustFunction", out _) is true;
        _services.Add((NgsiAttributes.ShortId(id, "Service"), domain, action, trust ? "true" : "false",
            NgsiAttributes.Text(entity, "trustFunctionDimension") ?? ""));
    }

    public void AddComponent(JsonElement entity, string id, TypeTally tally)
    {
        var service = NgsiAttributes.Reference(entity, "service");
        if (service is null)
        {
            tally.Skip("missing_service", id);
            return;
        }
        var marker = id.IndexOf(":Component:", StringComparison.Ordinal);
        var name = marker >= 0 ? id[(marker + ":Component:".Length)..] : NgsiAttributes.ShortId(id, "ServiceComponent");
        static string Flag(bool? value) => value switch { true => "true", false => "false", null => "" };
        _components.Add((NgsiAttributes.ShortId(service, "Service"), name, NgsiAttributes.Reference(entity, "infrastructureElement"),
            NgsiAttributes.Enum(entity, "serviceComponentStatus") ?? "",
            NgsiAttributes.Text(entity, "trustFunctionElement") ?? "",
            Flag(NgsiAttributes.Bool(entity, "interactsWithContinuum", out _)),
            Flag(NgsiAttributes.Bool(entity, "interactsWithCore", out _)),
            Flag(NgsiAttributes.Bool(entity, "interactsWithService", out _))));
    }

    public void AddLifecycle(JsonElement entity, string id, TypeTally tally)
    {
        var service = NgsiAttributes.Reference(entity, "service");
        if (service is null)
        {
            tally.Skip("missing_service", id);
            return;
        }
        var label = NgsiAttributes.ShortId(service, "Service");
        _lifecycle.Add(1, label, NgsiAttributes.Text(entity, "lifecycleOperation") ?? "", NgsiAttributes.Text(entity, "lifecycleStage") ?? "",
            NgsiAttributes.Text(entity, "lifecycleStatus") ?? "");
        if (NgsiAttributes.Number(entity, "revision", out var wrong) is { } revision)
            _revision.Add(revision, label);
        else if (wrong)
            tally.InvalidAttribute("revision", id);
    }

    /// <summary>Builds the families; <paramref name="domainOfIe"/> places components in the domain of their IE.</summary>
    public void AddTo(MetricSnapshot snapshot, IReadOnlyDictionary<string, string> domainOfIe)
    {
        var info = snapshot.Info("datafabric_service_info", "Services with their SAFE-6G trust-function attributes; value 1.",
            "service", "domain", "action_type", "trust_function", "trust_function_dimension");
        foreach (var s in _services)
            info.Add(1, s.Service, s.Domain, s.Action, s.TrustFunction, s.Dimension);
        var services = snapshot.Gauge("datafabric_services", "Services by domain, action type and trust-function dimension.",
            "domain", "action_type", "trust_function_dimension");
        foreach (var group in _services.GroupBy(s => (s.Domain, s.Action, s.Dimension)).OrderBy(g => g.Key))
            services.Add(group.Count(), group.Key.Domain, group.Key.Action, group.Key.Dimension);

        var placement = snapshot.Info("datafabric_service_component_info",
            "Service components: placement (component → IE → domain), status and SAFE-6G attributes; value 1.",
            "service", "component", "ie", "domain", "status", "trust_function_element",
            "interacts_with_continuum", "interacts_with_core", "interacts_with_service");
        var counts = new Dictionary<(string Domain, string Status, string Element), int>();
        foreach (var c in _components)
        {
            var domain = c.Ie is not null && domainOfIe.TryGetValue(c.Ie, out var d) ? d : "";
            var ie = c.Ie is null ? "" : NgsiAttributes.ShortId(c.Ie, "InfrastructureElement");
            placement.Add(1, c.Service, c.Component, ie, domain, c.Status, c.Element, c.Continuum, c.Core, c.OtherService);
            counts[(domain, c.Status, c.Element)] = counts.GetValueOrDefault((domain, c.Status, c.Element)) + 1;
        }
        var components = snapshot.Gauge("datafabric_service_components", "Service components by domain, status and trust-function element.",
            "domain", "status", "trust_function_element");
        foreach (var ((domain, status, element), count) in counts.OrderBy(kv => kv.Key))
            components.Add(count, domain, status, element);
        snapshot.Add(_lifecycle);
        snapshot.Add(_revision);
    }
}
