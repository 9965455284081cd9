using System.CommandLine;
using Safe6G.Deploy;
using Safe6G.Deploy.Mesh;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g mesh policy|check</c>: Cilium policies from a short spec, and allowed/denied for a flow.</summary>
internal static class MeshCommand
{
    public static Command Build()
    {
        var spec = new Option<string>("--spec") { Description = "policy spec (YAML, see thanos/examples/chatbot-policy.yaml)", Required = true };
        var output = new Option<string>("--out") { Description = "output folder", Required = true };
        var policy = new Command("policy", "Build an ingress/egress CiliumClusterwideNetworkPolicy from a short YAML spec") { spec, output };
        policy.SetAction(result => Run("policy", () =>
        {
            var generated = MeshPolicyGenerator.Generate(result.GetValue(spec)!, result.GetValue(output)!);
            Console.WriteLine($"wrote policy {generated.Metadata.Name} to {result.GetValue(output)}");
            return ExitCodes.Ok;
        }));

        var policies = new Option<string>("--policies") { Description = "folder of generated policies (e.g. OUT/domains or a mesh policy --out)", Required = true };
        var from = new Option<string>("--from") { Description = "source endpoint as labels: cluster=<domain>,ns=<namespace>[,label=value...], e.g. cluster=upv,ns=metaverse,app.kubernetes.io/name=chatbot", Required = true };
        var to = new Option<string>("--to") { Description = "destination endpoint, in the form of --from", Required = true };
        var port = new Option<int>("--port") { Description = "destination port", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "TCP or UDP", DefaultValueFactory = _ => "TCP" };
        var check = new Command("check", "Answer allowed/denied (and why) for a flow under a generated policy set") { policies, from, to, port, protocol };
        check.SetAction(result => Run("check", () =>
        {
            var verdict = MeshChecker.Check(MeshPolicySet.Load(result.GetValue(policies)!), MeshEndpoint.Parse(result.GetValue(from)!),
                MeshEndpoint.Parse(result.GetValue(to)!), result.GetValue(port), result.GetValue(protocol)!);
            Console.WriteLine(verdict);
            return verdict.Allowed ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return new Command("mesh", "Multi-domain service mesh manifests") { policy, check };
    }

    private static int Run(string name, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is ContinuumConfigException or FormatException or ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine($"safe6g mesh {name}: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"safe6g mesh {name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
