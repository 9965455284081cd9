using Safe6G.Deploy.Model;
using Safe6G.Deploy.Parsing;

namespace Safe6G.Deploy.Emit;

/// <summary>Turns a domain's exporters into Prometheus scrape jobs (static targets, per-IE expansion, gNB probe relabelling).</summary>
internal static class ScrapeJobsBuilder
{
    public static IReadOnlyList<ScrapeJob> Build(Domain d)
    {
        var jobs = new List<ScrapeJob>
        {
            Job("prometheus", null, null, d, [Group(["localhost:9090"], null)]),
        };

        foreach (var e in d.Exporters)
        {
            var info = ExporterCatalog.Get(e.Kind);
            switch (info.Placement)
            {
                case ExporterPlacement.PerIe:
                    jobs.Add(PerIeJob(d, e, info));
                    break;
                default:
                    var address = e.Address ?? ExporterCatalog.DefaultAddress(info, d.Namespace);
                    address = address.Contains(':', StringComparison.Ordinal) && !address.EndsWith(']') ? address : $"{address}:{info.DefaultPort}";
                    var component = info.Ours ? $"{info.YamlName}-exporter" : info.Job;
                    jobs.Add(Job(info.Job, e.ScrapeInterval, e.ScrapeTimeout, d, [Group([address], new YMap { ["component"] = component })]));
                    if (e.Kind == ExporterKind.Gnb)
                    {
                        jobs.AddRange(GnbProbeJobs(d, e, address));
                    }

                    break;
            }
        }

        return jobs;
    }

    private static ScrapeJob PerIeJob(Domain d, ExporterSpec e, ExporterInfo info)
    {
        var port = e.Port ?? info.DefaultPort;
        var ies = d.InfrastructureElements.Where(ie => e.Ies.Count == 0 || e.Ies.Contains(ie.Name));
        var groups = ies.Select(ie => Group([$"{ie.Address}:{port}"], new YMap { ["ie"] = ie.Name })).ToList();
        var job = Job(info.Job, e.ScrapeInterval, e.ScrapeTimeout, d, groups);
        if (e.Kind is ExporterKind.Kubelet or ExporterKind.Cadvisor)
        {
            // The kubelet serves its own metrics and cAdvisor's on 10250 over TLS with a service-account token,
            // as kube-prometheus scrapes it; kubelet serving certificates are usually self-signed.
            var cfg = new YMap();
            foreach (var kv in job.Config)
            {
                cfg.Add(kv);
                if (kv.Key == "job_name")
                {
                    cfg["scheme"] = "https";
                    if (e.Kind == ExporterKind.Cadvisor)
                    {
                        cfg["metrics_path"] = "/metrics/cadvisor";
                    }

                    cfg["authorization"] = new YMap { ["credentials_file"] = d.Prometheus.KubeletTokenFile };
                    cfg["tls_config"] = new YMap { ["insecure_skip_verify"] = true };
                }
            }

            return job with { Config = cfg };
        }

        return job;
    }

    // One job per module: the module is a job parameter (__param_module), the target's address becomes
    // __param_target and the exporter's address replaces __address__ — the snmp_exporter pattern.
    private static IEnumerable<ScrapeJob> GnbProbeJobs(Domain d, ExporterSpec e, string exporterAddress)
    {
        foreach (var module in ExporterCatalog.GnbModules)
        {
            var targets = e.Targets.Where(t => t.Modules.Contains(module)).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            var groups = targets.Select(t => Group([t.Address], new YMap { ["gnb"] = t.Name, ["component"] = "gnb" })).ToList();
            var job = Job($"gnb-probe-{module}", e.ScrapeInterval, e.ScrapeTimeout, d, groups);
            var cfg = new YMap();
            foreach (var kv in job.Config)
            {
                if (kv.Key == "static_configs")
                {
                    cfg["metrics_path"] = "/probe";
                    cfg["params"] = new YMap { ["module"] = new List<object> { module }, ["auth"] = new List<object> { e.Auth! } };

                    // The exporter labels gnb_cell_up with gnb and cell; its labels win, the continuum name fills gaps.
                    cfg["honor_labels"] = true;
                    cfg.Add(kv);
                    cfg["relabel_configs"] = new List<object>
                    {
                        new YMap { ["source_labels"] = new List<object> { "__address__" }, ["target_label"] = "__param_target" },
                        new YMap { ["source_labels"] = new List<object> { "__param_target" }, ["target_label"] = "instance" },
                        new YMap { ["target_label"] = "__address__", ["replacement"] = exporterAddress },
                    };
                }
                else
                {
                    cfg.Add(kv);
                }
            }

            yield return job with { Config = cfg, Probe = true };
        }
    }

    private static ScrapeJob Job(string name, string? interval, string? timeout, Domain d, List<YMap> groups)
    {
        var cfg = new YMap { ["job_name"] = name };
        cfg.Opt("scrape_interval", interval);
        cfg.Opt("scrape_timeout", timeout);
        cfg["static_configs"] = groups;
        var effective = PromDuration.Parse(timeout ?? d.Prometheus.ScrapeTimeout);
        return new ScrapeJob(name, effective, false, cfg);
    }

    private static YMap Group(IReadOnlyList<string> targets, YMap? labels)
    {
        var g = new YMap { ["targets"] = targets.ToList() };
        g.Opt("labels", labels);
        return g;
    }
}
