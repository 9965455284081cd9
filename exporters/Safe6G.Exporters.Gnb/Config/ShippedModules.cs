using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>
/// The modules and auths shipped in <c>gnb.yml</c> (baicells_qrtb, baicells_rts, if_mib, system; public_v2).
/// Read from the copy next to the binary, else from the embedded resource; parsed and validated once.
/// </summary>
public static class ShippedModules
{
    /// <summary>File name of the shipped config.</summary>
    public const string FileName = "gnb.yml";

    private static readonly Lazy<GnbConfig> Shipped = new(Parse);

    /// <summary>The shipped config (validated; a ConfigException names gnb.yml if it is broken).</summary>
    public static GnbConfig Load() => Shipped.Value;

    /// <summary>The shipped YAML text.</summary>
    public static string Text()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(path))
            return File.ReadAllText(path);
        using var stream = typeof(ShippedModules).Assembly.GetManifestResourceStream("Safe6G.Exporters.Gnb.gnb.yml")
            ?? throw new InvalidOperationException("gnb.yml is neither next to the binary nor embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static GnbConfig Parse()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        var config = YamlConfigLoader.Parse<GnbConfig>(Text(), File.Exists(path) ? path : "(embedded) " + FileName);
        if (config.Modules is null || config.Auths is null)
            throw new ConfigException(new ConfigError(FileName, 0, 0, "", "the shipped file must define auths and modules"));
        return config;
    }
}
