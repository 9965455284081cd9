using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Safe6G.Portal.Pages;
using Safe6G.Portal.Security;

namespace Safe6G.Portal.Hosting;

/// <summary>Every URL of the portal in one place.</summary>
internal static class Routes
{
    public static void Map(IEndpointRouteBuilder app, PortalServices s, SignInGate gate)
    {
        app.MapGet("/", Page(c => ContinuumPage.RenderAsync(c, s)));
        app.MapGet("/deployments", Page(c => DeploymentsPage.RenderAsync(c, s)));
        app.MapGet("/deployments/{id}", (HttpContext c, string id) => DeploymentPage.RenderAsync(c, s, id));
        app.MapPost("/deployments/{id}/delete", async (HttpContext c, string id) =>
            PortalServices.After("/deployments", await s.Orchestrator.DeallocateAsync(id, c.RequestAborted).ConfigureAwait(false)));
        app.MapPost("/deployments/{id}/reallocate", async (HttpContext c, string id) =>
            PortalServices.After($"/deployments/{Uri.EscapeDataString(id)}", await s.Orchestrator.ReallocateAsync(id, c.RequestAborted).ConfigureAwait(false)));
        app.MapPost("/deployments/{id}/purge", async (HttpContext c, string id) =>
            PortalServices.After("/deployments", await s.Orchestrator.PurgeAsync(id, c.RequestAborted).ConfigureAwait(false)));
        app.MapPost("/deployments/{id}/upgrade", async (HttpContext c, string id) =>
        {
            var form = await c.Request.ReadFormAsync(c.RequestAborted).ConfigureAwait(false);
            return PortalServices.After($"/deployments/{Uri.EscapeDataString(id)}",
                await s.Orchestrator.UpgradeAsync(id, form["tosca"].ToString(), c.RequestAborted).ConfigureAwait(false));
        });
        app.MapGet("/services/new", (HttpContext c) => ServiceFormPage.Render(c));
        app.MapPost("/services/new", Page(c => ServiceFormPage.PostAsync(c, s)));
        app.MapGet("/health", Page(c => HealthPage.RenderAsync(c, s)));
        app.MapGet("/dashboards/{file}", (string file) =>
            DashboardFiles.Find(s.Config.DashboardsDir, file) is { } path ? Results.File(path, "application/json", file) : Results.NotFound());
        app.MapGet("/signin", (HttpContext c) => SignInPage.Render(c));
        app.MapPost("/signin", Page(c => SignInPage.PostAsync(c, gate)));
        app.MapPost("/signout", (HttpContext c) => SignInPage.SignOut(c));
        app.MapGet("/static/{name}", (string name) => StaticAssets.Serve(name));
        app.MapGet("/-/healthy", () => Results.Text("Healthy.\n"));
        app.MapGet("/-/ready", () => Results.Text("Ready.\n"));
    }

    // A Func rather than a lambda over HttpContext alone, which would bind as a RequestDelegate and drop the IResult.
    private static Delegate Page(Func<HttpContext, Task<IResult>> handler) => handler;
}
