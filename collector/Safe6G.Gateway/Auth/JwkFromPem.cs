using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Safe6G.Gateway.Auth;

/// <summary>
/// The seed's CAPIF step: an X.509 certificate in PEM (as OpenCAPIF hands out) becomes a public JWK that KrakenD-style
/// gateways validate tokens with. kid is the RFC 7638 thumbprint unless given; x5c and x5t#S256 are included.
/// </summary>
public static class JwkFromPem
{
    /// <summary>Converts the first certificate of a PEM text into a JWK JSON object.</summary>
    /// <exception cref="FormatException">No certificate, or a key type other than RSA and EC P-256/384/521.</exception>
    public static JsonObject Convert(string pem, string? kid = null)
    {
        X509Certificate2 cert;
        try
        {
            cert = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new FormatException($"no PEM certificate found: {ex.Message}", ex);
        }

        using (cert)
        {
            JsonObject jwk;
            if (cert.GetRSAPublicKey() is { } rsa)
            {
                using (rsa)
                {
                    var p = rsa.ExportParameters(false);
                    jwk = new JsonObject { ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent), ["alg"] = "RS256" };
                }
            }
            else if (cert.GetECDsaPublicKey() is { } ec)
            {
                using (ec)
                {
                    var p = ec.ExportParameters(false);
                    var (crv, alg) = p.Curve.Oid.FriendlyName switch
                    {
                        "nistP256" or "ECDSA_P256" => ("P-256", "ES256"),
                        "nistP384" or "ECDSA_P384" => ("P-384", "ES384"),
                        "nistP521" or "ECDSA_P521" => ("P-521", "ES512"),
                        var other => throw new FormatException($"unsupported EC curve {other}"),
                    };
                    jwk = new JsonObject { ["kty"] = "EC", ["crv"] = crv, ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y), ["alg"] = alg };
                }
            }
            else
            {
                throw new FormatException("the certificate's key is neither RSA nor EC");
            }

            jwk["use"] = "sig";
            jwk["kid"] = kid ?? Thumbprint(jwk);
            jwk["x5c"] = new JsonArray(System.Convert.ToBase64String(cert.RawData));
            jwk["x5t#S256"] = Base64UrlEncoder.Encode(SHA256.HashData(cert.RawData));
            return jwk;
        }
    }

    /// <summary>RFC 7638 thumbprint (required members in lexicographic order, no whitespace), base64url.</summary>
    public static string Thumbprint(JsonObject jwk)
    {
        var canonical = (string?)jwk["kty"] == "RSA"
            ? new JsonObject { ["e"] = (string?)jwk["e"], ["kty"] = "RSA", ["n"] = (string?)jwk["n"] }
            : new JsonObject { ["crv"] = (string?)jwk["crv"], ["kty"] = "EC", ["x"] = (string?)jwk["x"], ["y"] = (string?)jwk["y"] };
        return Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }
}
