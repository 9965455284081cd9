using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Safe6G.Testing;

/// <summary>A throw-away CA with a server certificate for 127.0.0.1 and client certificates, written as PEM files.</summary>
public sealed class TestCertificates
{
    private TestCertificates()
    {
    }

    /// <summary>The CA certificate.</summary>
    public X509Certificate2 Ca { get; private init; } = null!;

    /// <summary>A client certificate issued by the CA (with its key).</summary>
    public X509Certificate2 TrustedClient { get; private init; } = null!;

    /// <summary>A self-signed client certificate the CA did not issue (with its key).</summary>
    public X509Certificate2 UntrustedClient { get; private init; } = null!;

    /// <summary>PEM files: ca.pem, server.pem, server-key.pem.</summary>
    public string CaFile { get; private init; } = "";

    /// <summary>The server certificate file.</summary>
    public string ServerCertFile { get; private init; } = "";

    /// <summary>The server key file.</summary>
    public string ServerKeyFile { get; private init; } = "";

    /// <summary>Creates everything under <paramref name="dir"/>.</summary>
    public static TestCertificates Create(TempDir dir)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=safe6g test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var (server, serverKey) = Issue(ca, "CN=127.0.0.1", serverAuth: true);
        var (client, clientKey) = Issue(ca, "CN=prometheus", serverAuth: false);
        using var rogueKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rogueRequest = new CertificateRequest("CN=rogue", rogueKey, HashAlgorithmName.SHA256);
        rogueRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var rogue = rogueRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        return new TestCertificates
        {
            Ca = ca,
            TrustedClient = X509CertificateLoader.LoadPkcs12(client.CopyWithPrivateKey(clientKey).Export(X509ContentType.Pfx), null),
            UntrustedClient = X509CertificateLoader.LoadPkcs12(rogue.Export(X509ContentType.Pfx), null),
            CaFile = dir.Write("ca.pem", ca.ExportCertificatePem()),
            ServerCertFile = dir.Write("server.pem", server.ExportCertificatePem()),
            ServerKeyFile = dir.Write("server-key.pem", serverKey.ExportPkcs8PrivateKeyPem()),
        };
    }

    private static (X509Certificate2 Certificate, ECDsa Key) Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
        }
        var serial = RandomNumberGenerator.GetBytes(8);
        var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        return (certificate, key);
    }
}
