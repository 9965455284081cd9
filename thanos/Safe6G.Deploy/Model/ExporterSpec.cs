namespace Safe6G.Deploy.Model;

/// <summary>One exporter declared in a domain; per-IE kinds expand to one target per infrastructure element.</summary>
public sealed record ExporterSpec(
    ExporterKind Kind,
    string? Address,
    int? Port,
    IReadOnlyList<string> Ies,
    string? ScrapeInterval,
    string? ScrapeTimeout,
    string? Auth,
    IReadOnlyList<GnbTarget> Targets,
    SourceLocation At);

/// <summary>A gNB probed through the gnb exporter's <c>/probe</c> endpoint, with the modules to walk.</summary>
public sealed record GnbTarget(string Name, string Address, IReadOnlyList<string> Modules, SourceLocation At);
