using Safe6G.Deploy.Mesh;
using Safe6G.Testing;

namespace Safe6G.Deploy.Tests;

/// <summary>The real <c>safe6g mesh policy</c> and <c>safe6g mesh check</c> executables: files written, verdicts and exit codes.</summary>
public class MeshCliTests
{
    private const string ChatbotPolicy = "chatbot-api-ingress-allow-metaverse-manager";

    private const string Chatbot = "cluster=upv,ns=chat,app.kubernetes.io/name=chatbot-api";

    private const string MetaverseManager = "cluster=upv,ns=metaverse,app.kubernetes.io/name=metaverse-manager";

    private const string Prometheus = "cluster=upv,ns=monitoring,app.kubernetes.io/name=prometheus";

    private static readonly string ChatbotSpec = Path.Combine(TestPaths.RepoRoot, "thanos", "examples", "chatbot-policy.yaml");

    [Fact]
    public async Task PolicyWritesTheSpecsPolicyAndCheckPrintsAllowedWithExit0AndDeniedWithExit1()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir(), "policies");

        var (code, stdout, output) = await SafeCli.RunSplitAsync("mesh", "policy", "--spec", ChatbotSpec, "--out", outDir);
        Assert.True(code == 0, output);
        Assert.Equal($"wrote policy {ChatbotPolicy} to {outDir}", stdout.Trim());
        var file = Assert.Single(Directory.GetFiles(outDir, "*", SearchOption.AllDirectories));
        Assert.Equal($"{ChatbotPolicy}.yaml", Path.GetFileName(file));
        var policy = Assert.Single(PolicyYaml.ReadAll(File.ReadAllText(file)));
        Assert.Equal(CiliumPolicy.ClusterwideKind, policy.Kind);
        Assert.Equal(ChatbotPolicy, policy.Metadata.Name);

        // The spec lets the Metaverse manager in on 443/TCP: allowed, exit 0, and the rule that allowed it is named.
        (code, stdout, output) = await Check(outDir, MetaverseManager, Chatbot, 443);
        Assert.True(code == 0, output);
        Assert.StartsWith("allowed: ", stdout, StringComparison.Ordinal);
        Assert.Contains($"ingress rule 0 of CiliumClusterwideNetworkPolicy {ChatbotPolicy}", stdout, StringComparison.Ordinal);

        // Prometheus may only use 9090: on 443 it is denied, exit 1, and the verdict still goes to stdout.
        (code, stdout, output) = await Check(outDir, Prometheus, Chatbot, 443);
        Assert.True(code == 1, output);
        Assert.StartsWith("denied: ", stdout, StringComparison.Ordinal);
        Assert.Contains(ChatbotPolicy, stdout, StringComparison.Ordinal);

        (code, stdout, output) = await Check(outDir, Prometheus, Chatbot, 9090);
        Assert.True(code == 0, output);
        Assert.StartsWith("allowed: ", stdout, StringComparison.Ordinal);

        // --protocol is honoured: the allowed port over UDP is denied.
        (code, stdout, output) = await Check(outDir, MetaverseManager, Chatbot, 443, "--protocol", "UDP");
        Assert.True(code == 1, output);
        Assert.StartsWith("denied: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadSpecExits2NamingFileLineAndFieldAndWritesNothing()
    {
        var spec = TestPaths.WriteContinuum("name: x\nselector:\n  app: a\ningress:\n  - form:\n      app: b\n");
        var outDir = Path.Combine(TestPaths.NewTempDir(), "policies");

        var (code, stdout, output) = await SafeCli.RunSplitAsync("mesh", "policy", "--spec", spec, "--out", outDir);

        Assert.True(code == 2, output);
        Assert.Contains($"safe6g mesh policy: {spec}:5:5: ingress[0].form: unknown field 'form'", output, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(outDir), "a rejected spec must not leave an output folder");
    }

    // An endpoint without cluster= and ns= is a usage error (2), not a denial (1), so scripts can tell them apart.
    [Fact]
    public async Task CheckWithAnEndpointLackingClusterOrNamespaceExits2()
    {
        var dir = TestPaths.NewTempDir();
        var (code, stdout, output) = await SafeCli.RunSplitAsync("mesh", "check", "--policies", dir,
            "--from", "app.kubernetes.io/name=metaverse-manager", "--to", Chatbot, "--port", "443");

        Assert.True(code == 2, output);
        Assert.Contains("safe6g mesh check: 'app.kubernetes.io/name=metaverse-manager' needs cluster=<domain> and ns=<namespace>", output, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    private static Task<(int ExitCode, string StandardOutput, string Output)> Check(string policies, string from, string to, int port, params string[] extra) =>
        SafeCli.RunSplitAsync(["mesh", "check", "--policies", policies, "--from", from, "--to", to, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra]);
}
