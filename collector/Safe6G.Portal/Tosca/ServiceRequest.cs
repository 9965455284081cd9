using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Portal.Tosca;

/// <summary>How the component's IE is chosen: by the user (one IE), among the user's IEs, or by the allocator.</summary>
public enum PlacementMode
{
    /// <summary>The allocator picks any IE that meets the constraints.</summary>
    Automatic,

    /// <summary>The allocator picks among the listed IEs, under the constraints.</summary>
    SemiAutomatic,

    /// <summary>The one listed IE.</summary>
    Manual,
}

/// <summary>The service form's fields, parsed and checked; <see cref="Errors"/> maps a field name to what is wrong with it.</summary>
public sealed partial record ServiceRequest
{
    public static readonly string[] Dimensions = ["Security", "Safety", "Privacy", "Resilience", "Reliability"];
    public static readonly string[] Elements = ["aiAgent", "nApp", "vApp"];
    public static readonly string[] Architectures = ["AMD64", "ARM64", "ARM32", "RISC-V"];

    public string ServiceId { get; init; } = "";
    public string Description { get; init; } = "";
    public bool TrustFunction { get; init; }
    public string? Dimension { get; init; }
    public string Component { get; init; } = "app";
    public bool Helm { get; init; }
    public string Image { get; init; } = "";
    public string HelmRepository { get; init; } = "";
    public string HelmChart { get; init; } = "";
    public string? HelmVersion { get; init; }
    public bool Private { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public int? Port { get; init; }
    public string Protocol { get; init; } = "tcp";
    public bool ExposePorts { get; init; }
    public bool IsJob { get; init; }
    public string? Element { get; init; }
    public bool WithContinuum { get; init; }
    public bool WithCore { get; init; }
    public bool WithService { get; init; }
    public PlacementMode Mode { get; init; }
    public IReadOnlyList<string> Ies { get; init; } = [];
    public double? MaxCpuPercent { get; init; }
    public double? MemMb { get; init; }
    public double? NumCpus { get; init; }
    public string? Architecture { get; init; }
    public bool Realtime { get; init; }
    public string? Domain { get; init; }
    public double? MinEfficiencyPercent { get; init; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ServiceIdPattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex ComponentPattern();

    [GeneratedRegex(@"^[a-z0-9-]+:[A-Za-z0-9_.:-]+$")]
    private static partial Regex IePattern();

    /// <summary>Reads the posted form.</summary>
    public static ServiceRequest From(IFormCollection form)
    {
        string S(string key) => form[key].ToString().Trim();
        bool B(string key) => form[key].ToString() is "on" or "true";
        string? Opt(string key) => S(key) is { Length: > 0 } v ? v : null;
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        double? N(string key)
        {
            var text = S(key);
            if (text.Length == 0) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
            numbers[key] = $"'{text}' is not a number";
            return null;
        }

        var request = new ServiceRequest
        {
            ServiceId = S("service_id"),
            Description = S("description"),
            TrustFunction = B("trust_function"),
            Dimension = Opt("trust_dimension"),
            Component = S("component") is { Length: > 0 } c ? c : "app",
            Helm = S("artifact") == "helm",
            Image = S("image"),
            HelmRepository = S("helm_repository"),
            HelmChart = S("helm_chart"),
            HelmVersion = Opt("helm_version"),
            Private = B("private"),
            Username = Opt("registry_username"),
            Password = form["registry_password"].ToString() is { Length: > 0 } pw ? pw : null,
            Port = N("port") is { } p ? (int)p : null,
            Protocol = S("protocol") is { Length: > 0 } proto ? proto : "tcp",
            ExposePorts = B("expose_ports"),
            IsJob = B("is_job"),
            Element = Opt("trust_element"),
            WithContinuum = B("interacts_continuum"),
            WithCore = B("interacts_core"),
            WithService = B("interacts_service"),
            Mode = S("placement") switch { "manual" => PlacementMode.Manual, "semi" => PlacementMode.SemiAutomatic, _ => PlacementMode.Automatic },
            Ies = S("ies").Split([',', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(Short).ToList(),
            MaxCpuPercent = N("max_cpu"),
            MemMb = N("mem_mb"),
            NumCpus = N("num_cpus"),
            Architecture = Opt("cpu_arch"),
            Realtime = B("realtime"),
            Domain = Opt("domain"),
            MinEfficiencyPercent = N("min_efficiency"),
        };
        foreach (var (k, v) in numbers) request.Errors[k] = v;
        request.Check();
        return request;
    }

    /// <summary>An IE id as typed (short "upv:01" or the full urn) in its short form.</summary>
    private static string Short(string ie) => ie.StartsWith(ToscaBuilder.IePrefix, StringComparison.Ordinal) ? ie[ToscaBuilder.IePrefix.Length..] : ie;

    private void Check()
    {
        void Need(bool ok, string field, string message)
        {
            if (!ok) Errors.TryAdd(field, message);
        }

        Need(ServiceIdPattern().IsMatch(ServiceId), "service_id", "1-128 letters, digits, '-', '_' or '.', starting with a letter or digit");
        Need(Description.Length > 0, "description", "required");
        Need(Dimension is null || (TrustFunction && Dimensions.Contains(Dimension)), "trust_dimension",
            TrustFunction ? $"one of {string.Join(", ", Dimensions)}" : "only for a service that belongs to a trust function");
        Need(ComponentPattern().IsMatch(Component), "component", "1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        if (Helm)
        {
            Need(Uri.TryCreate(HelmRepository, UriKind.Absolute, out var repo) && repo.Scheme is "http" or "https" or "oci", "helm_repository", "an http(s) or oci:// chart repository URL");
            Need(HelmChart.Length > 0, "helm_chart", "required for a Helm chart");
        }
        else
            Need(Image.Length > 0 && !Image.Any(char.IsWhiteSpace), "image", "a container image reference such as safe6g/app:1.0");
        // HLO-FE passes these to the low-level orchestrator as the pull secret; it refuses a private artifact without them.
        Need(!Private || Username is not null, "registry_username", "a private registry or repository needs a user name");
        Need(!Private || Password is not null, "registry_password", "a private registry or repository needs a password");
        Need(Port is null or >= 1 and <= 65535, "port", "a port number 1..65535");
        Need(Protocol is "tcp" or "udp" or "sctp", "protocol", "tcp, udp or sctp");
        Need(Element is null || Elements.Contains(Element), "trust_element", $"one of {string.Join(", ", Elements)}");
        Need(Ies.All(IePattern().IsMatch), "ies", "IE ids like upv:01 (domain:id), separated by commas");
        Need(Mode != PlacementMode.Manual || Ies.Count == 1, "ies", "manual placement names exactly one IE");
        Need(Mode != PlacementMode.SemiAutomatic || Ies.Count >= 2, "ies", "semi-automatic placement names at least two IEs to choose from");
        Need(Mode != PlacementMode.Automatic || Ies.Count == 0, "ies", "automatic placement names no IE (choose manual or semi-automatic)");
        Need(MaxCpuPercent is null or > 0 and <= 100, "max_cpu", "a percentage 1..100");
        Need(MemMb is null or > 0, "mem_mb", "a positive number of MB");
        Need(NumCpus is null or > 0, "num_cpus", "a positive number of cores");
        Need(Architecture is null || Architectures.Contains(Architecture), "cpu_arch", $"one of {string.Join(", ", Architectures)}");
        Need(MinEfficiencyPercent is null or >= 0 and <= 100, "min_efficiency", "a percentage 0..100");
    }
}
