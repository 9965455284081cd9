using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>Thanos pieces: per-domain sidecar (and the Prometheus flags it needs), central Query, Store Gateway, Compactor, objstore.</summary>
internal static class ThanosBuilder
{
    public const string ObjstorePath = "/etc/thanos/objstore.yml";
    public const int GrpcPort = 10901;
    public const int HttpPort = 10902;

    /// <summary>objstore config: no keys in the file; the S3 client falls back to AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.</summary>
    public static YMap Objstore(ObjectStorageSpec s)
    {
        var config = new YMap
        {
            ["bucket"] = s.Bucket,
            ["endpoint"] = s.Endpoint,
        };
        if (s.Region.Length > 0)
        {
            config["region"] = s.Region;
        }

        config["insecure"] = s.Insecure;
        return new YMap { ["type"] = s.Type, ["config"] = config };
    }

    public static YMap Sidecar(Continuum c, Domain d)
    {
        var tls = c.Thanos.GrpcTls;
        var replicas = Enumerable.Range(0, d.Prometheus.Replicas).Select(i => (object)new YMap
        {
            ["replica"] = PrometheusConfigBuilder.ReplicaName(d, i),
            ["prometheusArgs"] = new List<object>
            {
                $"--config.file=/etc/prometheus/{PrometheusConfigBuilder.FileName(i)}",
                "--storage.tsdb.path=/prometheus",
                $"--storage.tsdb.retention.time={d.Prometheus.Retention}",

                // Equal min/max block duration turns local compaction off, as the sidecar requires for uploads.
                "--storage.tsdb.min-block-duration=2h",
                "--storage.tsdb.max-block-duration=2h",
                "--web.enable-lifecycle",
                "--web.listen-address=0.0.0.0:9090",
            },
            ["sidecarArgs"] = new List<object>
            {
                "sidecar",
                "--tsdb.path=/prometheus",
                "--prometheus.url=http://127.0.0.1:9090",
                $"--objstore.config-file={ObjstorePath}",
                $"--grpc-address=0.0.0.0:{GrpcPort}",
                $"--http-address=0.0.0.0:{HttpPort}",
                $"--grpc-server-tls-cert={tls.CertFile}",
                $"--grpc-server-tls-key={tls.KeyFile}",
                $"--grpc-server-tls-client-ca={tls.CaFile}",
            },
        }).ToList();
        return new YMap
        {
            ["domain"] = d.Name,
            ["storeEndpoint"] = d.Prometheus.SidecarEndpoint,
            ["replicas"] = replicas,
        };
    }

    public static YMap Query(Continuum c)
    {
        var tls = c.Thanos.GrpcTls;
        var args = new List<object>
        {
            "query",
            $"--http-address=0.0.0.0:{HttpPort}",
            $"--grpc-address=0.0.0.0:{GrpcPort}",
            "--query.replica-label=replica",
            "--grpc-client-tls-secure",
            $"--grpc-client-tls-ca={tls.CaFile}",
            $"--grpc-client-tls-cert={tls.CertFile}",
            $"--grpc-client-tls-key={tls.KeyFile}",
        };
        if (tls.ServerName.Length > 0)
        {
            args.Add($"--grpc-client-server-name={tls.ServerName}");
        }

        // dns+ resolves every A record, so the replicas of an HA pair behind one (headless) service are all queried
        // and deduplicated on the replica label; for a ClusterIP service it is the one VIP.
        args.AddRange(StoreEndpoints(c).Select(e => (object)$"--endpoint=dns+{e}"));
        return new YMap { ["component"] = "thanos-query", ["domain"] = c.Thanos.Domain, ["args"] = args };
    }

    public static IReadOnlyList<string> StoreEndpoints(Continuum c) =>
        c.Domains.Select(d => d.Prometheus.SidecarEndpoint)
            .Append($"thanos-store.{c.ThanosDomain.Namespace}.svc:{GrpcPort}")
            .ToList();

    public static YMap Store(Continuum c)
    {
        var tls = c.Thanos.GrpcTls;
        return new YMap
        {
            ["component"] = "thanos-store",
            ["domain"] = c.Thanos.Domain,
            ["args"] = new List<object>
            {
                "store",
                "--data-dir=/var/thanos/store",
                $"--objstore.config-file={ObjstorePath}",
                $"--grpc-address=0.0.0.0:{GrpcPort}",
                $"--http-address=0.0.0.0:{HttpPort}",
                $"--grpc-server-tls-cert={tls.CertFile}",
                $"--grpc-server-tls-key={tls.KeyFile}",
                $"--grpc-server-tls-client-ca={tls.CaFile}",
            },
        };
    }

    public static YMap Compact(Continuum c) => new()
    {
        ["component"] = "thanos-compact",
        ["domain"] = c.Thanos.Domain,
        ["args"] = new List<object>
        {
            "compact",
            "--wait",
            "--data-dir=/var/thanos/compact",
            $"--objstore.config-file={ObjstorePath}",
            $"--http-address=0.0.0.0:{HttpPort}",
            $"--retention.resolution-raw={c.Thanos.Retention.Raw}",
            $"--retention.resolution-5m={c.Thanos.Retention.FiveMinutes}",
            $"--retention.resolution-1h={c.Thanos.Retention.OneHour}",
        },
    };

    /// <summary>Thanos Query's HTTP URL as seen from a given domain (local service or the cluster-set name).</summary>
    public static string QueryUrl(Continuum c, Domain from) =>
        from.Name == c.Thanos.Domain
            ? $"http://thanos-query.{c.ThanosDomain.Namespace}.svc:{HttpPort}"
            : $"http://thanos-query.{c.ThanosDomain.Namespace}.svc.clusterset.local:{HttpPort}";
}
