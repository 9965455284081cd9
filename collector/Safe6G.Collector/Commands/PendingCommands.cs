using System.CommandLine;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g sim &lt;orion|cnc|metaverse|snmp&gt;</c>: protocol-faithful simulators for tests and the demo.</summary>
internal static class SimCommand
{
    public static Command Build()
    {
        var command = new Command("sim", "Run a simulator of an upstream system (never used by production paths)");
        foreach (var (name, what, issue) in new[]
        {
            ("orion", "Orion-LD NGSI-LD context broker (aeriOS data model)", "issue 3"),
            ("cnc", "Cumucore CNC API", "issue 5"),
            ("metaverse", "Metaverse manager API", "issue 5"),
            ("snmp", "Baicells gNB SNMP agent", "issue 4"),
        })
        {
            var sim = new Command(name, what)
            {
                CommonOptions.Listen(0),
                new Option<int>("--seed") { Description = "seed for deterministic data", DefaultValueFactory = _ => 1 },
                new Option<int>("--scale") { Description = "how many entities to simulate", DefaultValueFactory = _ => 10 },
            };
            CommonOptions.NotImplemented(sim, issue);
            command.Add(sim);
        }
        return command;
    }
}

/// <summary><c>safe6g generate</c>: continuum description → per-domain and central configuration.</summary>
internal static class GenerateCommand
{
    public static Command Build()
    {
        var command = new Command("generate", "Generate Prometheus, Thanos, Loki, Grafana, gateway and mesh configuration from a continuum file")
        {
            new Option<string>("--continuum") { Description = "continuum description (YAML)", Required = true },
            new Option<string>("--out") { Description = "output folder", Required = true },
        };
        CommonOptions.NotImplemented(command, "issue 6");
        return command;
    }
}

/// <summary><c>safe6g dashboards build|import</c>.</summary>
internal static class DashboardsCommand
{
    public static Command Build()
    {
        var build = new Command("build", "Write the dashboards as Grafana JSON") { new Option<string?>("--out") { Description = "output folder" } };
        CommonOptions.NotImplemented(build, "issue 7");
        var import = new Command("import", "Import the dashboards into Grafana over its HTTP API")
        {
            new Option<string>("--grafana") { Description = "Grafana base URL", Required = true },
            new Option<string?>("--token") { Description = "service account token" },
        };
        CommonOptions.NotImplemented(import, "issue 7");
        return new Command("dashboards", "Dashboards as code") { build, import };
    }
}

/// <summary><c>safe6g gateway</c>: /thanos and /loki with JWT auth and tenancy.</summary>
internal static class GatewayCommand
{
    public static Command Build()
    {
        var command = new Command("gateway", "Serve PromQL under /thanos and LogQL under /loki with JWT auth and tenant enforcement")
        {
            CommonOptions.Config("gateway"), CommonOptions.Listen(9480),
        };
        CommonOptions.NotImplemented(command, "issue 8");
        return command;
    }
}

/// <summary><c>safe6g dataset export</c>: range queries to CSV/Parquet for MLOps.</summary>
internal static class DatasetCommand
{
    public static Command Build()
    {
        var export = new Command("export", "Export a PromQL range query as a CSV or Parquet dataset")
        {
            new Option<string>("--source") { Description = "Prometheus-API base URL", Required = true },
            new Option<string>("--query") { Description = "PromQL", Required = true },
            new Option<string>("--start") { Description = "start (RFC 3339 or unix)", Required = true },
            new Option<string>("--end") { Description = "end (RFC 3339 or unix)", Required = true },
            new Option<string>("--step") { Description = "resolution, e.g. 30s", Required = true },
            new Option<string>("--format") { Description = "csv or parquet", DefaultValueFactory = _ => "csv" },
            new Option<string>("--out") { Description = "output file", Required = true },
        };
        CommonOptions.NotImplemented(export, "issue 8");
        return new Command("dataset", "Training data for MLOps") { export };
    }
}

/// <summary><c>safe6g orchestrator</c>: HLO-style service API and allocator.</summary>
internal static class OrchestratorCommand
{
    public static Command Build()
    {
        var command = new Command("orchestrator", "HLO-style service API with a metric-driven, explainable allocator")
        {
            CommonOptions.Config("orchestrator"), CommonOptions.Listen(9481),
        };
        CommonOptions.NotImplemented(command, "issue 9");
        return command;
    }
}

/// <summary><c>safe6g portal</c>: the management web UI.</summary>
internal static class PortalCommand
{
    public static Command Build()
    {
        var command = new Command("portal", "Management portal: continuum, deployments, service form, DataOps health")
        {
            CommonOptions.Config("portal"), CommonOptions.Listen(9482),
        };
        CommonOptions.NotImplemented(command, "issue 11");
        return command;
    }
}

/// <summary><c>safe6g mesh policy|check</c>: Cilium policies and their reachability check.</summary>
internal static class MeshCommand
{
    public static Command Build()
    {
        var policy = new Command("policy", "Build an ingress/egress CiliumClusterwideNetworkPolicy from a short YAML spec")
        {
            new Option<string>("--spec") { Description = "policy spec (YAML)", Required = true },
            new Option<string>("--out") { Description = "output folder", Required = true },
        };
        CommonOptions.NotImplemented(policy, "issue 12");
        var check = new Command("check", "Answer allowed/denied (and why) for a flow under a generated policy set")
        {
            new Option<string>("--policies") { Description = "folder of generated policies", Required = true },
            new Option<string>("--from") { Description = "source endpoint (domain/namespace/app)", Required = true },
            new Option<string>("--to") { Description = "destination endpoint", Required = true },
            new Option<int>("--port") { Description = "destination port", Required = true },
        };
        CommonOptions.NotImplemented(check, "issue 12");
        return new Command("mesh", "Multi-domain service mesh manifests") { policy, check };
    }
}

/// <summary><c>safe6g demo</c>: the whole product on a simulated two-domain continuum.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var command = new Command("demo", "Run everything on a simulated two-domain continuum")
        {
            new Option<string?>("--dir") { Description = "working folder (default .demo)" },
        };
        CommonOptions.NotImplemented(command, "issue 10");
        return command;
    }
}
