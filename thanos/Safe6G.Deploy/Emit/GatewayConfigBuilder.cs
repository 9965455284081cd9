using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>
/// The `safe6g gateway` config: /thanos to the central Thanos Query, /loki to each domain's Loki (logs stay in
/// their domain), JWTs checked against a local JWK set as in the seed's KrakenD `auth/validator` block.
/// </summary>
internal static class GatewayConfigBuilder
{
    public const int Port = 9480;

    public static YMap Build(Continuum c)
    {
        var entry = c.Entrypoint;
        var loki = new YMap();
        foreach (var d in c.Domains.Where(d => d.Logs.Enabled))
        {
            loki[d.Name] = d.Name == entry.Name ? $"http://loki.{d.Namespace}.svc:3100" : d.Logs.LokiUrl;
        }

        var routes = new List<object>
        {
            new YMap
            {
                ["name"] = "thanos",
                ["prefix"] = "/thanos",
                ["api"] = "promql",
                ["backend"] = ThanosBuilder.QueryUrl(c, entry),
            },
        };
        if (loki.Count > 0)
        {
            routes.Add(new YMap
            {
                ["name"] = "loki",
                ["prefix"] = "/loki",
                ["api"] = "logql",
                ["domainBackends"] = loki,
                ["defaultDomain"] = loki[0].Key,
                ["domainHeader"] = "X-Safe6G-Domain",
            });
        }

        var auth = new YMap { ["alg"] = c.Gateway.Algorithm, ["jwkLocalPath"] = c.Gateway.JwkFile };
        if (c.Gateway.Issuer.Length > 0)
        {
            auth["issuer"] = c.Gateway.Issuer;
        }

        return new YMap
        {
            ["listen"] = $"0.0.0.0:{Port}",
            ["auth"] = auth,
            ["routes"] = routes,
            ["tenants"] = c.Gateway.Tenants.Select(t => (object)new YMap
            {
                ["name"] = t.Name,
                ["subject"] = t.Subject,

                // No domains listed means every domain; spelled out so the gateway never guesses.
                ["domains"] = (t.Domains.Count == 0 ? c.Domains.Select(d => d.Name) : t.Domains).ToList(),
                ["routes"] = t.Routes.ToList(),
            }).ToList(),
        };
    }
}
