using System.Net;
using System.Text.Json;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Deployment;
using Safe6G.Orchestration.Lifecycle;
using static Safe6G.Orchestration.Tests.Fixtures;

namespace Safe6G.Orchestration.Tests;

public sealed class ApiTests
{
    private static FixedReader Continuum() => new([Ie("upv:01", usage: 0.1), Ie("upv:02", usage: 0.5), Ie("ncsrd:03", domain: "ncsrd", usage: 0.3)]);

    [Fact]
    public async Task Post_answers_202_with_location_and_the_service_runs_with_an_explanation()
    {
        await using var api = await ApiClient.StartAsync(Continuum());
        var response = await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/shop", Container("web"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/hlo_fe/services/shop", response.Headers.Location?.OriginalString);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("shop", body.RootElement.GetProperty("serviceId").GetString());
        Assert.Equal("starting", body.RootElement.GetProperty("status").GetString());

        var service = await api.SettledAsync("shop");
        Assert.Equal("DEPLOYED", service.Action);
        var web = Assert.Single(service.Components);
        Assert.Equal("urn:ngsi-ld:Service:shop:Component:web", web.Id);
        Assert.Equal("Running", web.ServiceComponentStatus);
        Assert.Equal("urn:ngsi-ld:InfrastructureElement:upv:01", web.InfrastructureElement);
        Assert.Equal(3, web.Explanation!.Candidates);
        Assert.Equal("upv:01", web.Explanation.Ranked[0].Ie);
        Assert.Equal(7, web.Explanation.Ranked[0].Terms.Count);
        Assert.Equal(DeploymentPlan.KubernetesManifest, web.DeploymentPlan!.Kind);
        Assert.Contains("upv-01-host", web.DeploymentPlan.Yaml);

        var list = await api.Http.GetStringAsync(api.Url("/hlo_fe/services"));
        Assert.Contains("\"shop\"", list);
    }

    [Fact]
    public async Task Lifecycle_delete_then_put_then_delete_then_purge()
    {
        await using var api = await ApiClient.StartAsync(Continuum());
        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/s", Container())).StatusCode);
        await api.SettledAsync("s");

        // PUT before DELETE: the service is running.
        var early = await api.SendAsync(HttpMethod.Put, "/hlo_fe/services/s");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("DELETE it first", (await ApiClient.ProblemAsync(early)).GetProperty("detail").GetString());

        // Purge while running: 400, as Table 1 says.
        var purgeRunning = await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/s/purge");
        Assert.Equal(HttpStatusCode.BadRequest, purgeRunning.StatusCode);
        Assert.Contains("running", (await ApiClient.ProblemAsync(purgeRunning)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/s")).StatusCode);
        var finished = await api.SettledAsync("s");
        Assert.Equal("FINISHED", finished.Action);
        Assert.All(finished.Components, c => Assert.Equal("Finished", c.ServiceComponentStatus));
        Assert.Contains(finished.History, e => e.Operation == "remove");
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/s")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Put, "/hlo_fe/services/s")).StatusCode);
        var again = await api.SettledAsync("s");
        Assert.Equal("Running", Assert.Single(again.Components).ServiceComponentStatus);
        Assert.Contains(again.History, e => e.Operation == "reallocate");

        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/s")).StatusCode);
        await api.SettledAsync("s");
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/s/purge")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(HttpMethod.Get, "/hlo_fe/services/s")).StatusCode);
        // The id is free again.
        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/s", Container())).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/hlo_fe/services/ghost")]
    [InlineData("PUT", "/hlo_fe/services/ghost")]
    [InlineData("DELETE", "/hlo_fe/services/ghost")]
    [InlineData("DELETE", "/hlo_fe/services/ghost/purge")]
    [InlineData("PATCH", "/hlo_fe/services/ghost")]
    [InlineData("PATCH", "/hlo_fe/services/ghost/component/app")]
    public async Task Unknown_ids_are_404_problem_details(string method, string path)
    {
        await using var api = await ApiClient.StartAsync(Continuum());
        var response = await api.SendAsync(new HttpMethod(method), path, method == "PATCH" ? Container() : null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("ghost", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bad_tosca_duplicate_ids_bad_ids_and_unknown_components_are_refused()
    {
        await using var api = await ApiClient.StartAsync(Continuum());
        var bad = await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/x", "description: x\nnode_templates:\n  a:\n    type: tosca.nodes.Container.Application\n    isJob: maybe\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await ApiClient.ProblemAsync(bad);
        Assert.Equal("Invalid Service Parameters", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 5 && e.GetProperty("field").GetString() == "node_templates.a.isJob");
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(HttpMethod.Get, "/hlo_fe/services/x")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/bad%20id", Container())).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/y", Container())).StatusCode);
        var dup = await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/y", Container());
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        await ApiClient.ProblemAsync(dup);
        await api.SettledAsync("y");

        var missing = await api.SendAsync(HttpMethod.Patch, "/hlo_fe/services/y/component/nope", Container());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no component 'nope'", (await ApiClient.ProblemAsync(missing)).GetProperty("detail").GetString());
        var badPatch = await api.SendAsync(HttpMethod.Patch, "/hlo_fe/services/y", "description: [");
        Assert.Equal(HttpStatusCode.BadRequest, badPatch.StatusCode);
    }

    [Fact]
    public async Task Patch_upgrades_and_patch_component_updates_one_component_in_place()
    {
        await using var api = await ApiClient.StartAsync(Continuum());
        await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/u", Container("web"));
        var before = await api.SettledAsync("u");
        var ie = before.Components[0].InfrastructureElement;

        var upgraded = Container("web").Replace("safe6g/web:1.0", "safe6g/web:2.0", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Patch, "/hlo_fe/services/u", upgraded)).StatusCode);
        var after = await api.SettledAsync("u");
        Assert.Equal(2, after.Revision);
        Assert.Equal("safe6g/web:2.0", after.Components[0].Artifact);
        Assert.Equal(ie, after.Components[0].InfrastructureElement); // still fits: not moved
        Assert.Contains("kept on its IE", after.Components[0].Reason);

        var patched = Container("web").Replace("safe6g/web:1.0", "safe6g/web:3.0", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync(HttpMethod.Patch, "/hlo_fe/services/u/component/web", patched)).StatusCode);
        var third = await api.SettledAsync("u");
        Assert.Equal(3, third.Revision);
        Assert.Equal("safe6g/web:3.0", third.Components[0].Artifact);
        Assert.Equal("Running", third.Components[0].ServiceComponentStatus);

        // A PATCH after DELETE is refused: PUT first.
        await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/u");
        await api.SettledAsync("u");
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync(HttpMethod.Patch, "/hlo_fe/services/u", upgraded)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync(HttpMethod.Patch, "/hlo_fe/services/u/component/web", patched)).StatusCode);
    }

    [Fact]
    public async Task No_fit_fails_every_component_of_the_service_with_the_reason()
    {
        await using var api = await ApiClient.StartAsync(Continuum());
        var host = """
                            capabilities:
                              - host:
                                  properties:
                                    realtime: {equal: true}
            """;
        var yaml = Container("rt", host).Replace("node_templates:", """
            node_templates:
              helper:
                type: tosca.nodes.Container.Application
                artifacts: {i: {file: h, type: tosca.artifacts.Deployment.Image.Container.Docker}}
            """, StringComparison.Ordinal);
        await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/f", yaml);
        var service = await api.SettledAsync("f");
        Assert.Equal("FAILED", service.Action);
        Assert.Contains("realtime: 3", service.Reason);
        Assert.All(service.Components, c => Assert.Equal("Failed", c.ServiceComponentStatus));
        Assert.Contains("realtime", service.Components.Single(c => c.Name == "rt").Reason);
        Assert.Contains("not deployed", service.Components.Single(c => c.Name == "helper").Reason);
        // Not running: PUT may re-allocate, purge is allowed.
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Delete, "/hlo_fe/services/f/purge")).StatusCode);
    }

    [Fact]
    public async Task Prometheus_down_or_silent_fails_the_request_with_what_could_not_be_read()
    {
        // Nothing listens on this port: connection refused.
        var refused = new PrometheusContinuumReader(new HttpClient(), new Uri($"http://127.0.0.1:{Testing.FreePort.Tcp()}/"), TimeSpan.FromSeconds(2));
        await using (var api = await ApiClient.StartAsync(refused))
        {
            await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/p", Container());
            var service = await api.SettledAsync("p");
            Assert.Equal("Failed", service.Components[0].ServiceComponentStatus);
            Assert.Contains("cannot reach Prometheus", service.Components[0].Reason);
            var continuum = await api.SendAsync(HttpMethod.Get, "/hlo_fe/continuum");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, continuum.StatusCode);
            Assert.Contains("cannot reach Prometheus", (await ApiClient.ProblemAsync(continuum)).GetProperty("detail").GetString());
        }

        // Accepts the connection and never answers: the timeout ends the wait.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var slow = new PrometheusContinuumReader(new HttpClient(), new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromMilliseconds(500));
        var ex = await Assert.ThrowsAsync<ContinuumReadException>(() => slow.ReadAsync(CancellationToken.None));
        Assert.Contains("did not answer within 0.5 s", ex.Message);
    }

    [Fact]
    public async Task Ie_alert_moves_a_component_and_unknown_components_are_404()
    {
        var reader = Continuum();
        await using var api = await ApiClient.StartAsync(reader);
        await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/m", Container("web"));
        var before = (await api.SettledAsync("m")).Components[0];

        using var alert = new StringContent($$"""{"serviceComponentId":"{{before.Id}}","event":"cpu high"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await api.Http.PostAsync(api.Url("/hlo_fe/ie-alert"), alert)).StatusCode);
        var after = (await api.SettledAsync("m")).Components[0];
        Assert.Equal("Running", after.ServiceComponentStatus);
        Assert.NotEqual(before.InfrastructureElement, after.InfrastructureElement);
        Assert.Contains("cpu high", after.Reason);

        using var unknown = new StringContent("""{"serviceComponentId":"urn:x","event":"e"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.PostAsync(api.Url("/hlo_fe/ie-alert"), unknown)).StatusCode);
    }

    [Fact]
    public async Task Polling_moves_components_off_an_ie_that_became_overloaded()
    {
        var reader = Continuum();
        await using var api = await ApiClient.StartAsync(reader);
        await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/o", Container("web"));
        var before = (await api.SettledAsync("o")).Components[0];
        Assert.Equal("urn:ngsi-ld:InfrastructureElement:upv:01", before.InfrastructureElement);

        reader.Ies = [Ie("upv:01", status: "Overload", usage: 0.99), Ie("upv:02", usage: 0.5), Ie("ncsrd:03", domain: "ncsrd", usage: 0.3)];
        Assert.Equal(1, await api.Host.Orchestrator.CheckOverloadsAsync(CancellationToken.None));
        var after = await api.SettledAsync("o");
        Assert.Equal("urn:ngsi-ld:InfrastructureElement:ncsrd:03", after.Components[0].InfrastructureElement);
        Assert.Contains(after.History, e => e.Operation == "migrate" && e.Detail.Contains("upv:01 → ncsrd:03", StringComparison.Ordinal));

        // Nowhere else to go: it stays, in Overload, and says why.
        reader.Ies = [Ie("ncsrd:03", domain: "ncsrd", status: "Overload")];
        await api.Host.Orchestrator.CheckOverloadsAsync(CancellationToken.None);
        var stuck = (await api.SettledAsync("o")).Components[0];
        Assert.Equal("Overload", stuck.ServiceComponentStatus);
        Assert.Contains("no other IE fits", stuck.Reason);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_table_1_method()
    {
        await using var api = await ApiClient.StartAsync(Continuum());
        using var doc = JsonDocument.Parse(await api.Http.GetStringAsync(api.Url("/openapi/v1.json")));
        var paths = doc.RootElement.GetProperty("paths");
        var service = paths.GetProperty("/hlo_fe/services/{serviceId}");
        foreach (var method in new[] { "get", "post", "put", "patch", "delete" })
            Assert.True(service.TryGetProperty(method, out _), method);
        Assert.True(paths.GetProperty("/hlo_fe/services/{serviceId}/component/{componentId}").TryGetProperty("patch", out _));
        Assert.True(paths.GetProperty("/hlo_fe/services/{serviceId}/purge").TryGetProperty("delete", out _));
        await api.SendAsync(HttpMethod.Post, "/hlo_fe/services/metered", Container());
        await api.SettledAsync("metered");
        Assert.Contains("safe6g_orchestrator_decisions", await api.Http.GetStringAsync(api.Url("/metrics")));
    }
}
