using System.Text.RegularExpressions;
using Safe6G.Deploy.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Deploy.Parsing;

/// <summary>Reads a continuum YAML file into the model; shape and format errors name file, line and field.</summary>
internal static partial class ContinuumReader
{
    private const string DefaultNamespace = "monitoring";
    private const string DefaultTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9._]*[A-Za-z0-9])?(:[0-9]{1,5})?$|^\\[[0-9a-fA-F:]+\\](:[0-9]{1,5})?$")]
    private static partial Regex HostPort();

    public static Continuum Read(string file)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContinuumConfigException(file, 0, 0, "(file)", $"cannot read the continuum file: {e.Message}", e);
        }

        return Parse(text, file);
    }

    public static Continuum Parse(string text, string file)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var problem = e.InnerException?.Message ?? e.Message;
            throw new ContinuumConfigException(file, (int)e.Start.Line, (int)e.Start.Column, "(syntax)", problem, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (without a mark) on some malformed flow collections;
            // the last event it produced is the best place we know.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new ContinuumConfigException(file, (int)at.Line, (int)at.Column, "(syntax)", "malformed YAML after this point (unclosed [ or { ?)", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new ContinuumConfigException(file, 1, 1, "(document)", $"expected exactly one YAML document, found {stream.Documents.Count}");
        }

        var root = YamlFields.Of(stream.Documents[0].RootNode, file, string.Empty);
        var name = Label(root, "name");
        var defaults = ReadDefaults(root.OptMap("defaults"));
        var thanos = ReadThanos(root.Map("thanos"));
        var gateway = ReadGateway(root.OptMap("gateway"));
        var meshFields = root.OptMap("mesh");
        var trustFunctions = new List<string>();
        if (meshFields is not null)
        {
            var names = meshFields.OptStringList("trustFunctions");
            for (var i = 0; i < names.Count; i++)
            {
                if (!DnsLabel().IsMatch(names[i]) || trustFunctions.Contains(names[i]))
                {
                    throw meshFields.At("trustFunctions").Error($"'{names[i]}' (item {i}) must be a unique DNS label");
                }

                trustFunctions.Add(names[i]);
            }

            meshFields.RejectUnknown();
        }

        var domainNodes = root.OptList("domains");
        if (domainNodes.Count == 0)
        {
            throw root.At("domains").Error("at least one domain is required");
        }

        var domains = new List<Domain>();
        for (var i = 0; i < domainNodes.Count; i++)
        {
            domains.Add(ReadDomain(YamlFields.Of(domainNodes[i], file, $"domains[{i}]"), i, defaults));
        }

        root.RejectUnknown();
        var continuum = new Continuum(name, file, defaults, domains, thanos.Spec, gateway, new MeshSpec(trustFunctions));
        return ContinuumValidator.Validate(continuum, root, thanos.DomainAt);
    }

    private static ScrapeDefaults ReadDefaults(YamlFields? f)
    {
        if (f is null)
        {
            return new ScrapeDefaults("30s", "10s", "30s");
        }

        var d = new ScrapeDefaults(
            Duration(f, "scrapeInterval") ?? "30s",
            Duration(f, "scrapeTimeout") ?? "10s",
            Duration(f, "evaluationInterval") ?? "30s");
        CheckTimeout(f, d.ScrapeInterval, d.ScrapeTimeout);
        f.RejectUnknown();
        return d;
    }

    private static (ThanosSpec Spec, SourceLocation DomainAt) ReadThanos(YamlFields f)
    {
        var domain = f.OptString("domain") ?? string.Empty;
        var domainAt = f.At("domain");
        if (!f.Has("objectStorage"))
        {
            throw f.At("objectStorage").Error("required section is missing: Thanos needs an S3 bucket (type, bucket, endpoint)");
        }

        var os = f.Map("objectStorage");
        var type = os.String("type");
        if (!string.Equals(type, "s3", StringComparison.OrdinalIgnoreCase))
        {
            throw os.At("type").Error($"unsupported object storage type '{type}' (supported: s3)");
        }

        var storage = new ObjectStorageSpec("S3", os.String("bucket"), HostPortField(os, "endpoint", required: true)!,
            os.OptString("region") ?? string.Empty, os.OptBool("insecure") ?? false);
        os.RejectUnknown();

        var r = f.OptMap("retention");
        var retention = new RetentionSpec(
            r is null ? "30d" : Duration(r, "raw") ?? "30d",
            r is null ? "90d" : Duration(r, "fiveMinutes") ?? "90d",
            r is null ? "1y" : Duration(r, "oneHour") ?? "1y");
        if (r is not null)
        {
            CheckDownsamplingRetention(r, retention);
            r.RejectUnknown();
        }

        var t = f.OptMap("grpcTls");
        var tls = new GrpcTlsSpec(
            t?.OptString("caFile") ?? "/etc/thanos/tls/ca.crt",
            t?.OptString("certFile") ?? "/etc/thanos/tls/tls.crt",
            t?.OptString("keyFile") ?? "/etc/thanos/tls/tls.key",
            t?.OptString("serverName") ?? string.Empty);
        t?.RejectUnknown();
        f.RejectUnknown();
        return (new ThanosSpec(domain, storage, retention, tls), domainAt);
    }

    // Thanos refuses retention shorter than the window after which the next resolution is built
    // (40h for 5m blocks, 10d for 1h blocks); checked here so the compactor does not crash-loop.
    private static void CheckDownsamplingRetention(YamlFields r, RetentionSpec retention)
    {
        var raw = PromDuration.Parse(retention.Raw);
        var five = PromDuration.Parse(retention.FiveMinutes);
        if (raw != TimeSpan.Zero && raw < TimeSpan.FromHours(40))
        {
            throw r.At("raw").Error($"'{retention.Raw}' is shorter than 40h, after which 5m downsampling happens; use 0d (forever) or at least 40h");
        }

        if (five != TimeSpan.Zero && five < TimeSpan.FromDays(10))
        {
            throw r.At("fiveMinutes").Error($"'{retention.FiveMinutes}' is shorter than 10d, after which 1h downsampling happens; use 0d (forever) or at least 10d");
        }
    }

    private static GatewaySpec ReadGateway(YamlFields? f)
    {
        if (f is null)
        {
            return new GatewaySpec("/etc/safe6g/jwks/jwks.json", "RS256", string.Empty, []);
        }

        var tenants = new List<TenantSpec>();
        var nodes = f.OptList("tenants");
        for (var i = 0; i < nodes.Count; i++)
        {
            var t = YamlFields.Of(nodes[i], f.File, $"{f.Child("tenants")}[{i}]");
            var routes = t.OptStringList("routes");
            for (var j = 0; j < routes.Count; j++)
            {
                if (routes[j] is not ("thanos" or "loki"))
                {
                    throw t.At("routes").Error($"unknown route '{routes[j]}' (allowed: thanos, loki)");
                }
            }

            int? perSecond = null, burst = null;
            if (t.OptMap("rateLimit") is { } limit)
            {
                perSecond = limit.OptInt("requestsPerSecond") ?? throw limit.At("requestsPerSecond").Error("required field is missing");
                if (perSecond < 1)
                    throw limit.At("requestsPerSecond").Error("must be at least 1");
                burst = limit.OptInt("burst");
                if (burst < 1)
                    throw limit.At("burst").Error("must be at least 1");
                limit.RejectUnknown();
            }

            tenants.Add(new TenantSpec(Label(t, "name"), t.String("subject"), t.OptStringList("domains"),
                routes.Count == 0 ? ["thanos"] : routes, t.Here) { RequestsPerSecond = perSecond, Burst = burst });
            t.RejectUnknown();
        }

        var alg = f.OptString("algorithm") ?? "RS256";
        if (alg is not ("RS256" or "RS384" or "RS512" or "ES256" or "ES384" or "PS256"))
        {
            throw f.At("algorithm").Error($"unsupported JWT algorithm '{alg}' (use RS256, RS384, RS512, ES256, ES384 or PS256)");
        }

        var spec = new GatewaySpec(f.OptString("jwkFile") ?? "/etc/safe6g/jwks/jwks.json", alg, f.OptString("issuer") ?? string.Empty, tenants);
        f.RejectUnknown();
        return spec;
    }

    private static Domain ReadDomain(YamlFields f, int index, ScrapeDefaults defaults)
    {
        var name = Label(f, "name");
        var ns = f.OptString("namespace") ?? DefaultNamespace;
        if (!DnsLabel().IsMatch(ns))
        {
            throw f.At("namespace").Error($"'{ns}' is not a Kubernetes namespace name (lower-case letters, digits, '-')");
        }

        var podCidr = f.String("podCidr");
        if (!Cidr.TryParse(podCidr, out _))
        {
            throw f.At("podCidr").Error($"'{podCidr}' is not a CIDR such as 10.1.0.0/16");
        }

        var clusterId = f.OptInt("clusterId") ?? index + 1;
        if (clusterId is < 1 or > 255)
        {
            throw f.At("clusterId").Error($"{clusterId} is out of range: Cilium cluster IDs are 1..255");
        }

        var p = f.OptMap("prometheus");
        var interval = (p is null ? null : Duration(p, "scrapeInterval")) ?? defaults.ScrapeInterval;
        var timeout = (p is null ? null : Duration(p, "scrapeTimeout")) ?? defaults.ScrapeTimeout;
        if (p is not null)
        {
            CheckTimeout(p, interval, timeout);
        }

        var replicas = p?.OptInt("replicas") ?? 1;
        if (replicas is < 1 or > 3)
        {
            throw p!.At("replicas").Error($"{replicas} is out of range (1..3)");
        }

        var prometheus = new PrometheusSpec(
            replicas,
            (p is null ? null : Duration(p, "retention")) ?? "15d",
            interval,
            timeout,
            (p is null ? null : Duration(p, "evaluationInterval")) ?? defaults.EvaluationInterval,
            (p is null ? null : HostPortField(p, "sidecarEndpoint", required: false)) ?? $"thanos-sidecar-{name}.{ns}.svc.clusterset.local:10901",
            p?.OptString("kubeletTokenFile") ?? DefaultTokenFile,
            p is null ? [] : Alertmanagers(p));
        p?.RejectUnknown();

        var l = f.OptMap("logs");
        var logs = new LogsSpec(
            l?.OptBool("enabled") ?? true,
            (l is null ? null : Duration(l, "retention")) ?? "168h",
            l?.OptString("lokiUrl") ?? $"http://loki-{name}.{ns}.svc.clusterset.local:3100");
        l?.RejectUnknown();

        var ies = new List<InfrastructureElement>();
        var ieNodes = f.OptList("infrastructureElements");
        for (var i = 0; i < ieNodes.Count; i++)
        {
            var ie = YamlFields.Of(ieNodes[i], f.File, $"{f.Child("infrastructureElements")}[{i}]");
            var ieName = Label(ie, "name");
            var address = ie.String("address");
            if (!HostPort().IsMatch(address) || address.Contains(':', StringComparison.Ordinal))
            {
                throw ie.At("address").Error($"'{address}' is not a host name or IPv4 address (no port: ports come from the exporters)");
            }

            ies.Add(new InfrastructureElement(ieName, address, ie.Here));
            ie.RejectUnknown();
        }

        var exporters = new List<ExporterSpec>();
        var exNodes = f.OptList("exporters");
        for (var i = 0; i < exNodes.Count; i++)
        {
            exporters.Add(ReadExporter(YamlFields.Of(exNodes[i], f.File, $"{f.Child("exporters")}[{i}]")));
        }

        var entrypoint = f.OptBool("entrypoint") ?? false;
        var meshApiServer = HostPortField(f, "meshApiServer", required: false) ?? $"clustermesh.{name}.safe6g.internal:2379";
        f.RejectUnknown();
        return new Domain(name, entrypoint, clusterId, podCidr, ns, prometheus, logs, ies, exporters, meshApiServer, f.Here);
    }

    private static ExporterSpec ReadExporter(YamlFields f)
    {
        var kindText = f.String("kind");
        var info = ExporterCatalog.ByYamlName(kindText)
            ?? throw f.At("kind").Error($"unknown exporter '{kindText}' (known: {string.Join(", ", ExporterCatalog.All.Select(e => e.YamlName))})");

        var interval = Duration(f, "scrapeInterval");
        var timeout = Duration(f, "scrapeTimeout");
        var port = f.OptInt("port");
        if (port is < 1 or > 65535)
        {
            throw f.At("port").Error($"{port} is not a TCP port");
        }

        if (info.Placement == ExporterPlacement.PerIe && f.Has("address"))
        {
            throw f.At("address").Error($"'{info.YamlName}' runs on every infrastructure element and is scraped at the IE address; set 'port' (and 'ies') instead");
        }

        if (info.Placement != ExporterPlacement.PerIe && (f.Has("port") || f.Has("ies")))
        {
            throw f.At(f.Has("port") ? "port" : "ies").Error($"'{info.YamlName}' is not per-IE; give its 'address' (host:port) instead");
        }

        var targets = new List<GnbTarget>();
        string? auth = null;
        if (info.Kind == ExporterKind.Gnb)
        {
            auth = f.OptString("auth") ?? "public_v2";
            var nodes = f.OptList("targets");
            if (nodes.Count == 0)
            {
                throw f.At("targets").Error("the gnb exporter is probe-only: list the gNBs to probe (name, address, modules)");
            }

            for (var i = 0; i < nodes.Count; i++)
            {
                var t = YamlFields.Of(nodes[i], f.File, $"{f.Child("targets")}[{i}]");
                var modules = t.OptStringList("modules");
                if (modules.Count == 0)
                {
                    throw t.At("modules").Error($"list at least one module ({string.Join(", ", ExporterCatalog.GnbModules)})");
                }

                foreach (var m in modules.Where(m => !ExporterCatalog.GnbModules.Contains(m)))
                {
                    throw t.At("modules").Error($"unknown module '{m}' (known: {string.Join(", ", ExporterCatalog.GnbModules)})");
                }

                targets.Add(new GnbTarget(Label(t, "name"), HostPortField(t, "address", required: true)!, modules, t.Here));
                t.RejectUnknown();
            }
        }

        var spec = new ExporterSpec(info.Kind, HostPortField(f, "address", required: false), port,
            info.Placement == ExporterPlacement.PerIe ? f.OptStringList("ies") : [], interval, timeout, auth, targets, f.Here);
        f.RejectUnknown();
        return spec;
    }

    private static string Label(YamlFields f, string key)
    {
        var value = f.String(key);
        if (!DnsLabel().IsMatch(value) || value.Length > 63)
        {
            throw f.At(key).Error($"'{value}' must be a DNS label: lower-case letters, digits and '-', at most 63 characters");
        }

        return value;
    }

    private static string? Duration(YamlFields f, string key)
    {
        var value = f.OptString(key);
        if (value is not null && !PromDuration.TryParse(value, out _))
        {
            throw f.At(key).Error($"'{value}' is not a duration such as 30s, 5m, 15d or 1y");
        }

        return value;
    }

    private static string? HostPortField(YamlFields f, string key, bool required)
    {
        var value = required ? f.String(key) : f.OptString(key);
        if (value is not null && !HostPort().IsMatch(value))
        {
            throw f.At(key).Error($"'{value}' is not host or host:port");
        }

        return value;
    }

    private static List<string> Alertmanagers(YamlFields p)
    {
        var list = p.OptStringList("alertmanagers");
        foreach (var a in list.Where(a => !HostPort().IsMatch(a) || !a.Contains(':', StringComparison.Ordinal)))
        {
            throw p.At("alertmanagers").Error($"'{a}' is not host:port");
        }

        return list.ToList();
    }

    private static void CheckTimeout(YamlFields f, string interval, string timeout)
    {
        var i = PromDuration.Parse(interval);
        var t = PromDuration.Parse(timeout);
        if (t > i)
        {
            throw f.At("scrapeTimeout").Error($"'{timeout}' is longer than the scrape interval '{interval}' (Prometheus rejects that)");
        }
    }
}
