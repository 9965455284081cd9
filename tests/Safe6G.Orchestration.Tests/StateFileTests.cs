using System.Net;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Deployment;
using Safe6G.Orchestration.Hosting;
using Safe6G.Testing;
using static Safe6G.Orchestration.Tests.Fixtures;

namespace Safe6G.Orchestration.Tests;

/// <summary>With a state file, a restarted orchestrator knows every service, placement, explanation and reservation again.</summary>
public sealed class StateFileTests : IDisposable
{
    private const string HelmService = """
        description: chatbot
        belongsToTrustFunction: true
        node_templates:
          vapp:
            type: tosca.nodes.Container.Application
            requirements:
              - host:
                  node_filter:
                    capabilities:
                      - host: {properties: {mem_size: {greater_or_equal: "6 GB"}}}
            artifacts:
              chart:
                type: tosca.artifacts.Deployment.Helm
                file: chatbot
                repository: https://charts.example.org
                version: 1.4.0
                isPrivate: true
                username: u
                password: p4ss
                values: {replicaCount: 2, ingress: {enabled: true, hosts: [chat.example.org]}, ratio: 0.5}
                services: [chatbot-api]
        """;

    private readonly TempDir _dir = new("orchestrator-state");

    // One IE with 10 GB free: a 6 GB component fits once, not twice.
    private static FixedReader OneIe() => new([Ie("upv:01", ramGb: 16, availableGb: 10)]);

    [Fact]
    public async Task A_restart_restores_services_placements_plans_and_reservations()
    {
        var file = Path.Combine(_dir.Path, "state", "services.json");
        ServiceSnapshotView before;
        await using (var first = await ApiClient.StartAsync(OneIe(), c => c.StateFile = file))
        {
            using var posted = await first.SendAsync(HttpMethod.Post, "/hlo_fe/services/chatbot", HelmService);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            var settled = await first.SettledAsync("chatbot");
            Assert.Equal("DEPLOYED", settled.Action);
            before = View(settled);
        }
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)); // it holds registry credentials

        await using var second = await ApiClient.StartAsync(OneIe(), c => c.StateFile = file);
        var restored = await second.SettledAsync("chatbot");
        Assert.Equal(before, View(restored));
        Assert.Contains(restored.History, e => e.Operation == "restore");
        var plan = Assert.Single(restored.Components).DeploymentPlan!;
        Assert.Equal(DeploymentPlan.HelmRelease, plan.Kind);
        Assert.Contains("chat.example.org", plan.Yaml, StringComparison.Ordinal);

        // The restored reservation counts: the same demand again no longer fits on the one IE.
        using var again = await second.SendAsync(HttpMethod.Post, "/hlo_fe/services/chatbot-2", HelmService);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var refused = await second.SettledAsync("chatbot-2");
        Assert.Equal("FAILED", refused.Action);
        Assert.Null(Assert.Single(refused.Components).InfrastructureElement);

        // Deallocated and re-allocated, the restored service is planned again from the restored Helm values alone
        // (maps, lists and numbers as the TOSCA parser made them): the same plan as before the restart.
        (await second.SendAsync(HttpMethod.Delete, "/hlo_fe/services/chatbot")).Dispose();
        Assert.Equal("FINISHED", (await second.SettledAsync("chatbot")).Action);
        using var reallocated = await second.SendAsync(HttpMethod.Put, "/hlo_fe/services/chatbot");
        Assert.Equal(HttpStatusCode.Accepted, reallocated.StatusCode);
        Assert.Equal(plan.Yaml, Assert.Single((await second.SettledAsync("chatbot")).Components).DeploymentPlan!.Yaml);
    }

    [Fact]
    public async Task Purge_removes_the_service_from_the_file()
    {
        var file = Path.Combine(_dir.Path, "purge.json");
        await using (var api = await ApiClient.StartAsync(OneIe(), c => c.StateFile = file))
        {
            (await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/shop", Container("web"))).Dispose();
            await api.SettledAsync("shop");
            (await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/shop")).Dispose();
            await api.SettledAsync("shop");
            using var purged = await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/shop/purge");
            Assert.True(purged.IsSuccessStatusCode, await purged.Content.ReadAsStringAsync());
        }
        await using var restarted = await ApiClient.StartAsync(OneIe(), c => c.StateFile = file);
        Assert.Null(restarted.Host.Orchestrator.Get("shop"));
        Assert.DoesNotContain("\"shop\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_state_file_stops_the_start_naming_it()
    {
        var file = _dir.Write("broken.json", "{\"version\": 1, \"services\": [ {\"id\": ");
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => OrchestratorHost.StartAsync(
            new OrchestratorConfig { GrpcListen = "", OverloadCheckInterval = TimeSpan.Zero, StateFile = file }, "127.0.0.1:0", OneIe()));
        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains("move it away", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>What must survive a restart, comparable by value.</summary>
    private sealed record ServiceSnapshotView(string Action, int Revision, string Components);

    private static ServiceSnapshotView View(Lifecycle.ServiceSnapshot s) => new(s.Action, s.Revision,
        string.Join(";", s.Components.Select(c => $"{c.Id}|{c.ServiceComponentStatus}|{c.InfrastructureElement}|{c.Explanation?.Ranked.Count}|{c.DeploymentPlan?.Yaml}")));
}
