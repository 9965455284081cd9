using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Parsing;

/// <summary>Checks that span several places in the file: uniqueness, overlaps, references between sections.</summary>
internal static class ContinuumValidator
{
    public static Continuum Validate(Continuum c, YamlFields root, SourceLocation thanosDomainAt)
    {
        var domainNodes = root.OptList("domains");
        YamlFields D(int i) => YamlFields.Of(domainNodes[i], c.File, $"domains[{i}]");

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenIds = new Dictionary<int, int>();
        var cidrs = new List<(Cidr Cidr, int Index)>();
        var entrypoints = new List<int>();
        var continuumWide = new Dictionary<ExporterKind, int>();
        for (var i = 0; i < c.Domains.Count; i++)
        {
            var d = c.Domains[i];
            if (seen.TryGetValue(d.Name, out var first))
            {
                throw D(i).At("name").Error($"duplicate domain name '{d.Name}' (first declared at {D(first).At("name").LineText})");
            }

            seen[d.Name] = i;

            if (seenIds.TryGetValue(d.ClusterId, out var firstId))
            {
                throw D(i).At("clusterId").Error($"cluster ID {d.ClusterId} is already used by domain '{c.Domains[firstId].Name}'; cluster-mesh IDs must be unique");
            }

            seenIds[d.ClusterId] = i;

            var cidr = Cidr.Parse(d.PodCidr);
            foreach (var (other, j) in cidrs)
            {
                if (cidr.Overlaps(other))
                {
                    throw D(i).At("podCidr").Error($"pod CIDR {d.PodCidr} overlaps {c.Domains[j].PodCidr} of domain '{c.Domains[j].Name}' ({D(j).At("podCidr").LineText}); cluster mesh needs disjoint pod CIDRs");
                }
            }

            cidrs.Add((cidr, i));
            if (d.Entrypoint)
            {
                entrypoints.Add(i);
            }

            ValidateDomain(c, d, continuumWide, i);
        }

        if (entrypoints.Count == 0)
        {
            throw root.At("domains").Error("no domain has 'entrypoint: true'; exactly one domain hosts the Meta-OS entrypoint (gateway, orchestrator)");
        }

        if (entrypoints.Count > 1)
        {
            throw D(entrypoints[1]).At("entrypoint").Error($"only one domain may be the entrypoint; '{c.Domains[entrypoints[0]].Name}' already is");
        }

        var thanosDomain = c.Thanos.Domain.Length == 0 ? c.Domains[entrypoints[0]].Name : c.Thanos.Domain;
        if (!seen.ContainsKey(thanosDomain))
        {
            throw thanosDomainAt.Error($"'{thanosDomain}' is not a declared domain (declared: {string.Join(", ", c.Domains.Select(d => d.Name))})");
        }

        ValidateTenants(c);
        return c with { Thanos = c.Thanos with { Domain = thanosDomain } };
    }

    private static void ValidateDomain(Continuum c, Domain d, Dictionary<ExporterKind, int> continuumWide, int domainIndex)
    {
        var ieNames = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < d.InfrastructureElements.Count; k++)
        {
            if (!ieNames.Add(d.InfrastructureElements[k].Name))
            {
                var at = d.InfrastructureElements[k].At;
                throw (at with { Field = at.Field + ".name" }).Error($"duplicate infrastructure element '{d.InfrastructureElements[k].Name}' in domain '{d.Name}'");
            }
        }

        var kinds = new Dictionary<ExporterKind, int>();
        for (var k = 0; k < d.Exporters.Count; k++)
        {
            var e = d.Exporters[k];
            var info = ExporterCatalog.Get(e.Kind);
            var kindAt = e.At with { Field = e.At.Field + ".kind" };
            if (kinds.TryGetValue(e.Kind, out var firstK))
            {
                throw kindAt.Error($"exporter '{info.YamlName}' is declared twice in domain '{d.Name}' (first at {d.Exporters[firstK].At.LineText})");
            }

            kinds[e.Kind] = k;
            if (info.Placement == ExporterPlacement.PerContinuum)
            {
                if (continuumWide.TryGetValue(e.Kind, out var firstDomain) && firstDomain != domainIndex)
                {
                    throw kindAt.Error($"'{info.YamlName}' runs once for the whole continuum and is already declared in domain '{c.Domains[firstDomain].Name}'");
                }

                continuumWide[e.Kind] = domainIndex;
            }

            if (info.Placement == ExporterPlacement.PerIe)
            {
                if (d.InfrastructureElements.Count == 0)
                {
                    throw kindAt.Error($"'{info.YamlName}' runs per infrastructure element, but domain '{d.Name}' lists none under infrastructureElements");
                }

                foreach (var ie in e.Ies.Where(ie => !ieNames.Contains(ie)))
                {
                    throw (e.At with { Field = e.At.Field + ".ies" }).Error($"'{ie}' is not an infrastructure element of domain '{d.Name}'");
                }
            }

            var interval = PromDuration.Parse(e.ScrapeInterval ?? d.Prometheus.ScrapeInterval);
            var timeout = PromDuration.Parse(e.ScrapeTimeout ?? d.Prometheus.ScrapeTimeout);
            if (timeout > interval)
            {
                throw (e.At with { Field = e.At.Field + ".scrapeTimeout" }).Error(
                    $"timeout '{e.ScrapeTimeout ?? d.Prometheus.ScrapeTimeout}' is longer than the interval '{e.ScrapeInterval ?? d.Prometheus.ScrapeInterval}'");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in e.Targets.Where(t => !names.Add(t.Name)))
            {
                throw (t.At with { Field = t.At.Field + ".name" }).Error($"duplicate gNB name '{t.Name}'");
            }
        }
    }

    private static void ValidateTenants(Continuum c)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in c.Gateway.Tenants)
        {
            if (!names.Add(t.Name))
            {
                throw (t.At with { Field = t.At.Field + ".name" }).Error($"duplicate tenant '{t.Name}'");
            }

            foreach (var d in t.Domains.Where(d => c.Domains.All(x => x.Name != d)))
            {
                throw (t.At with { Field = t.At.Field + ".domains" }).Error($"'{d}' is not a declared domain");
            }
        }
    }
}
