using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Safe6G.Exporters.Sdk.Http;

/// <summary>Builds the <see cref="SocketsHttpHandler"/> every HTTP exporter uses: pooled, decompressing, and with the TLS policy of <see cref="HttpTlsSettings"/>.</summary>
public static class UpstreamHandlers
{
    /// <summary>Creates a handler; <paramref name="tls"/> null means the system trust store.</summary>
    public static SocketsHttpHandler Create(HttpTlsSettings? tls, TimeSpan? connectTimeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(5),
        };
        if (tls is null)
            return handler;
        if (tls.InsecureSkipVerify)
        {
            // Only with insecure_skip_verify: true in the config, for test beds with self-signed upstreams.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (tls.CaFile is { } caFile)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(roots, certificate, errors);
        }
        return handler;
    }

    // The CA file replaces the system store for this upstream: the chain must end in one of its roots.
    private static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
