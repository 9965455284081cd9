using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Sdk.Http;

/// <summary>How an exporter checks an upstream's certificate: the system store, an extra CA file, or (explicitly) not at all.</summary>
public sealed class HttpTlsSettings : IValidatableConfig
{
    /// <summary>PEM file with the CA(s) that signed the upstream's certificate (lab cores use their own CA).</summary>
    public string? CaFile { get; set; }

    /// <summary>Skip certificate verification entirely. Off by default; only for test beds with self-signed upstreams.</summary>
    public bool InsecureSkipVerify { get; set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(CaFile is null || File.Exists(CaFile), "ca_file", $"file '{CaFile}' does not exist");
        context.Require(CaFile is null || !InsecureSkipVerify, "insecure_skip_verify", "set either ca_file or insecure_skip_verify, not both");
    }
}
