using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Sdk.Web;

/// <summary>Loads a <see cref="WebConfig"/> and checks that the files it names exist.</summary>
public static class WebConfigLoader
{
    /// <summary>Loads the file, or returns an empty config (plain HTTP, no auth) when <paramref name="path"/> is null.</summary>
    public static WebConfig Load(string? path)
    {
        if (path is null)
            return new WebConfig();
        var config = YamlConfigLoader.Load<WebConfig>(path);
        if (config.TlsServerConfig is { } tls)
        {
            tls.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
            var missing = new List<ConfigError>();
            foreach (var (field, file) in new[] { ("cert_file", tls.CertFile), ("key_file", tls.KeyFile), ("client_ca_file", tls.ClientCaFile) })
            {
                if (!string.IsNullOrEmpty(file) && !File.Exists(tls.Resolve(file)))
                    missing.Add(new ConfigError(path, 0, 0, $"tls_server_config.{field}", $"file not found: {tls.Resolve(file)}"));
            }
            if (missing.Count > 0)
                throw new ConfigException(missing);
        }
        return config;
    }
}
