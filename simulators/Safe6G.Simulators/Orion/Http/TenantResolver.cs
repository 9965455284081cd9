using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion.Http;

/// <summary>Maps the NGSILD-Tenant (or Fiware-Service) header to a store, with Orion-LD's errors.</summary>
internal static class TenantResolver
{
    public static bool TryResolve(HttpContext context, TenantRegistry tenants, bool multiService, bool create,
        out EntityStore store, out string tenant, out NgsiProblem? problem)
    {
        store = tenants.Default;
        problem = null;
        var headers = context.Request.Headers;
        tenant = headers.TryGetValue("NGSILD-Tenant", out var t) ? t.ToString()
            : headers.TryGetValue("Fiware-Service", out var f) ? f.ToString() : "";
        if (tenant.Length == 0) return true;
        if (!multiService)
        {
            problem = NgsiProblem.BadRequest("Tenants not supported", "tenant in request, but the broker was not started with -multiservice") with { ErrorType = "NoMultiTenantSupport" };
            return false;
        }
        if (TenantName.Validate(tenant) is { } invalid)
        {
            problem = NgsiProblem.BadRequest("Invalid tenant name", invalid);
            return false;
        }
        tenant = tenant.ToLowerInvariant();
        var found = create ? tenants.GetOrCreate(tenant) : tenants.Find(tenant);
        if (found is null)
        {
            problem = new NgsiProblem(404, "NonExistingTenant", "No such tenant", tenant);
            return false;
        }
        store = found;
        context.Response.Headers["NGSILD-Tenant"] = tenant;
        return true;
    }
}
