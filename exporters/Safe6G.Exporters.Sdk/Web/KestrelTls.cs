using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Safe6G.Exporters.Sdk.Web;

/// <summary>Turns a <see cref="TlsServerConfig"/> into Kestrel HTTPS options with exporter-toolkit's semantics.</summary>
public static class KestrelTls
{
    /// <summary>Builds the HTTPS options; client certificates are checked against the configured CA only.</summary>
    public static HttpsConnectionAdapterOptions Build(TlsServerConfig tls)
    {
        var certificate = X509Certificate2.CreateFromPemFile(tls.Resolve(tls.CertFile), tls.Resolve(tls.KeyFile));
        var options = new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            SslProtocols = tls.MinVersion == "TLS13" ? SslProtocols.Tls13 : SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateMode = tls.ClientAuthType switch
            {
                "RequireAnyClientCert" or "RequireAndVerifyClientCert" => ClientCertificateMode.RequireCertificate,
                "RequestClientCert" or "VerifyClientCertIfGiven" => ClientCertificateMode.AllowCertificate,
                _ => ClientCertificateMode.NoCertificate,
            },
        };
        if (tls.VerifiesClients)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(tls.Resolve(tls.ClientCaFile!));
            options.ClientCertificateValidation = (cert, _, _) => ChainsTo(cert, authorities);
        }
        else if (options.ClientCertificateMode != ClientCertificateMode.NoCertificate)
        {
            // RequestClientCert / RequireAnyClientCert: any certificate is accepted, as in Go's crypto/tls.
            options.ClientCertificateValidation = (_, _, _) => true;
        }
        return options;
    }

    /// <summary>True when <paramref name="certificate"/> chains to one of <paramref name="authorities"/> and is valid for client auth.</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        return chain.Build(certificate);
    }
}
