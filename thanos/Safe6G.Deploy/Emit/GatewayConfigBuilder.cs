using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>
/// The `safe6g gateway` config (collector/Safe6G.Gateway/README.md), in the gateway's own format: /thanos to the
/// central Thanos Query, /loki to the entrypoint domain's Loki, JWTs checked against a local JWK set as in the
/// seed's KrakenD `auth/validator` block, and one tenant per continuum tenant restricted to its domains.
/// </summary>
internal static class GatewayConfigBuilder
{
    public const int Port = 9480;

    public static YMap Build(Continuum c)
    {
        var entry = c.Entrypoint;
        // The gateway refuses tokens without a fixed issuer and audience; these defaults match `safe6g gateway token`.
        var auth = new YMap
        {
            ["jwks_file"] = c.Gateway.JwkFile,
            ["issuer"] = c.Gateway.Issuer.Length > 0 ? c.Gateway.Issuer : "safe6g",
            ["audiences"] = new List<object> { "safe6g-gateway" },
        };

        var tenants = new YMap();
        foreach (var t in c.Gateway.Tenants)
        {
            // No domains listed means every domain; spelled out so the gateway never guesses.
            var domains = (t.Domains.Count == 0 ? c.Domains.Select(d => d.Name) : t.Domains).ToList();
            var matcher = $"domain=~\"{string.Join('|', domains)}\"";
            var tenant = new YMap { ["matchers"] = new List<object> { matcher } };
            if (t.Routes.Contains("loki"))
            {
                tenant["log_matchers"] = new List<object> { matcher };
                tenant["loki_org_id"] = t.Name;
            }
            if (t.RequestsPerSecond is { } perSecond)
            {
                var limit = new YMap { ["requests_per_second"] = perSecond };
                if (t.Burst is { } burst)
                    limit["burst"] = burst;
                tenant["rate_limit"] = limit;
            }
            tenants[t.Name] = tenant;
        }

        var config = new YMap { ["thanos"] = new YMap { ["url"] = ThanosBuilder.QueryUrl(c, entry) } };
        if (entry.Logs.Enabled)
        {
            config["loki"] = new YMap { ["url"] = $"http://loki.{entry.Namespace}.svc:3100" };
        }
        config["auth"] = auth;
        config["tenants"] = tenants;
        return config;
    }
}
