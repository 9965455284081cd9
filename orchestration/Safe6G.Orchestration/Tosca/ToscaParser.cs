using System.Globalization;
using System.Text.RegularExpressions;
using Safe6G.Orchestration.Continuum;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Orchestration.Tosca;

/// <summary>
/// Parses the TOSCA subset aeriOS's HLO-FE accepts (aerios.md §7.2) plus the SAFE-6G attributes. Every problem
/// is reported at once, each with its line and field path; nothing is silently dropped except node templates
/// of other types, which aeriOS also ignores.
/// </summary>
public static partial class ToscaParser
{
    public const string ApplicationType = "tosca.nodes.Container.Application";
    public const string DockerArtifact = "tosca.artifacts.Deployment.Image.Container.Docker";
    public const string HelmArtifact = "tosca.artifacts.Deployment.Helm";

    private static readonly string[] Dimensions = ["Security", "Safety", "Privacy", "Resilience", "Reliability"];
    private static readonly string[] Elements = ["aiAgent", "nApp", "vApp"];

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex ComponentName();

    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*$")]
    private static partial Regex Size();

    public static ServiceDescriptor Parse(string yaml)
    {
        var errors = new List<ToscaError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ToscaException([new ToscaError((int)ex.Start.Line, (int)ex.Start.Column, "(document)", $"not valid YAML: {ex.Message}")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode)
            throw new ToscaException([new ToscaError(1, 1, "(document)", "the descriptor must be a YAML mapping with description and node_templates")]);

        var root = new YamlNav(stream.Documents[0].RootNode, "", errors);
        string? description = null;
        bool overlay = false, trust = false;
        string? dimension = null;
        YamlNav? nodes = null;
        foreach (var (key, value) in root.Entries("tosca_definitions_version", "description", "serviceOverlay", "belongsToTrustFunction",
                     "trustFunctionDimension", "node_templates", "topology_template", "metadata", "imports"))
        {
            switch (key)
            {
                case "tosca_definitions_version":
                    if (value.Str() is { } v && !v.StartsWith("tosca_simple_yaml_1_", StringComparison.Ordinal))
                        value.Error($"'{v}' is not supported (tosca_simple_yaml_1_x)");
                    break;
                case "description": description = value.Str(); break;
                case "serviceOverlay": overlay = value.Bool() ?? false; break;
                case "belongsToTrustFunction": trust = value.Bool() ?? false; break;
                case "trustFunctionDimension":
                    dimension = value.Str();
                    if (dimension is not null && Array.IndexOf(Dimensions, dimension) < 0)
                        value.Error($"'{dimension}' is not one of {string.Join(", ", Dimensions)}");
                    break;
                case "node_templates": nodes = value; break;
                case "topology_template": nodes = value.Get("node_templates") ?? nodes; break;
            }
        }
        if (string.IsNullOrWhiteSpace(description))
            errors.Add(new ToscaError(1, 1, "description", "is required (a non-empty text)"));
        if (dimension is not null && !trust)
            root.Get("trustFunctionDimension")!.Value.Error("only allowed with belongsToTrustFunction: true");

        var components = new List<ComponentSpec>();
        if (nodes is not { } n)
            errors.Add(new ToscaError(1, 1, "node_templates", "is required"));
        else
        {
            foreach (var (name, node) in n.Entries())
            {
                if (node.Get("type") is not { } type)
                {
                    node.Error("type is required");
                    continue;
                }
                if (type.Str() != ApplicationType)
                    continue; // aeriOS turns only Container.Application nodes into service components
                if (!ComponentName().IsMatch(name))
                    node.Error("the node name must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
                components.Add(Component(name, node));
            }
            if (components.Count == 0)
                n.Error($"no node template of type {ApplicationType}");
        }

        if (errors.Count > 0)
            throw new ToscaException(errors);
        return new ServiceDescriptor
        {
            Description = description!,
            ServiceOverlay = overlay,
            BelongsToTrustFunction = trust,
            TrustFunctionDimension = dimension,
            Components = components,
        };
    }

    private static ComponentSpec Component(string name, YamlNav node)
    {
        bool isJob = false, expose = false;
        bool? withContinuum = null, withCore = null, withService = null;
        string? element = null;
        var ports = new List<PortSpec>();
        var placement = new PlacementConstraints();
        YamlNav? artifacts = null, interfaces = null;
        foreach (var (key, value) in node.Entries("type", "isJob", "requirements", "artifacts", "interfaces", "trustFunctionElement",
                     "interactsWithContinuum", "interactsWithCore", "interactsWithService", "description"))
        {
            switch (key)
            {
                case "isJob": isJob = value.Bool() ?? false; break;
                case "trustFunctionElement":
                    element = value.Str();
                    if (element is not null && Array.IndexOf(Elements, element) < 0)
                        value.Error($"'{element}' is not one of {string.Join(", ", Elements)}");
                    break;
                case "interactsWithContinuum": withContinuum = value.Bool(); break;
                case "interactsWithCore": withCore = value.Bool(); break;
                case "interactsWithService": withService = value.Bool(); break;
                case "requirements":
                    foreach (var requirement in value.Items())
                    {
                        foreach (var (kind, body) in requirement.Entries("network", "host"))
                        {
                            if (kind == "network")
                                expose = Network(body, ports) || expose;
                            else
                                placement = Host(body);
                        }
                    }
                    break;
                case "artifacts": artifacts = value; break;
                case "interfaces": interfaces = value; break;
            }
        }

        ContainerImage? image = null;
        HelmChart? helm = null;
        string? implementation = null;
        var cliArgs = new List<KeyValuePair<string, string>>();
        var envVars = new List<KeyValuePair<string, string>>();
        if (interfaces is { } i)
            implementation = Interfaces(i, cliArgs, envVars);
        if (artifacts is { } a)
        {
            var all = a.Entries().ToList();
            var chosen = implementation is null ? all.FirstOrDefault() : all.FirstOrDefault(x => x.Key == implementation);
            if (all.Count == 0)
                a.Error("at least one artifact (container image or Helm chart) is required");
            else if (chosen.Key is null)
                interfaces!.Value.Error($"implementation '{implementation}' names no artifact of this node");
            else
                (image, helm) = Artifact(chosen.Value);
        }
        else
            node.Error("artifacts is required (a container image or a Helm chart)");

        return new ComponentSpec
        {
            Name = name,
            IsJob = isJob,
            Image = image,
            Helm = helm,
            Ports = ports,
            ExposePorts = expose,
            CliArgs = cliArgs,
            EnvVars = envVars,
            Placement = placement,
            TrustFunctionElement = element,
            InteractsWithContinuum = withContinuum,
            InteractsWithCore = withCore,
            InteractsWithService = withService,
        };
    }

    private static bool Network(YamlNav body, List<PortSpec> ports)
    {
        var expose = false;
        var properties = body.Get("properties");
        if (properties is not { } p)
        {
            body.Error("properties is required");
            return false;
        }
        foreach (var (key, value) in p.Entries("ports", "exposePorts"))
        {
            if (key == "exposePorts")
            {
                expose = value.Bool() ?? false;
                continue;
            }
            foreach (var (portName, port) in value.Entries())
            {
                var props = port.Get("properties");
                if (props is not { } pp)
                {
                    port.Error("properties with source (port number) is required");
                    continue;
                }
                var source = pp.Get("source");
                var number = source?.Number();
                if (source is null)
                    pp.Error("source (the port number) is required");
                else if (number is not { } num || num != Math.Floor(num) || num is < 1 or > 65535)
                {
                    if (number is not null) source.Value.Error($"'{number}' is not a port number 1..65535");
                    continue;
                }
                var protocol = "TCP";
                if (pp.Get("protocol") is { } proto)
                {
                    // aeriOS takes the first protocol of the list.
                    var first = proto.IsList ? proto.Items().FirstOrDefault() : proto;
                    var text = first.Node is null ? null : first.Str()?.ToUpperInvariant();
                    if (text is not ("TCP" or "UDP" or "SCTP"))
                        proto.Error("protocol must be tcp, udp or sctp");
                    else
                        protocol = text;
                }
                if (number is { } n)
                    ports.Add(new PortSpec(portName, (int)n, protocol));
            }
        }
        return expose;
    }

    private static PlacementConstraints Host(YamlNav body)
    {
        var filter = body.Get("node_filter");
        if (filter is not { } f)
        {
            body.Error("node_filter is required");
            return new PlacementConstraints();
        }
        var result = new PlacementConstraints();
        foreach (var (key, value) in f.Entries("properties", "capabilities"))
        {
            if (key == "properties")
            {
                var ids = new List<string>();
                foreach (var (prop, v) in value.Entries("id"))
                {
                    foreach (var item in v.IsList ? v.Items() : [v])
                    {
                        var id = item.Str();
                        if (id is null) continue;
                        if (!id.StartsWith(ContinuumIds.IePrefix, StringComparison.Ordinal))
                            item.Error($"'{id}' is not an InfrastructureElement id ({ContinuumIds.IePrefix}...)");
                        else
                            ids.Add(ContinuumIds.IeShort(id));
                    }
                }
                result = result with { IeIds = ids };
            }
            else
            {
                foreach (var capability in value.Items())
                    foreach (var (_, host) in capability.Entries("host"))
                        if (host.Get("properties") is { } props)
                            result = Capabilities(props, result);
                        else
                            host.Error("properties is required");
            }
        }
        return result;
    }

    /// <summary>Capability properties, as a mapping (aeriOS) or as a TOSCA list of one-key mappings.</summary>
    private static PlacementConstraints Capabilities(YamlNav props, PlacementConstraints c)
    {
        IEnumerable<(string, YamlNav)> entries = props.IsList
            ? props.Items().SelectMany(item => item.Entries(Known))
            : props.Entries(Known);
        foreach (var (key, value) in entries)
        {
            switch (key)
            {
                case "cpu_usage":
                    var usage = Operand(value, "less_or_equal");
                    if (usage is not null && usage is < 0 or > 1)
                        value.Error($"{usage} is not a fraction 0..1 (HLO-FE sends cpu% / 100)");
                    c = c with { MaxCpuUsage = usage };
                    break;
                case "mem_size":
                    c = c with { MemBytes = Bytes(value, OperandText(value, "greater_or_equal")) };
                    break;
                case "num_cpus":
                    var cpus = Operand(value, "greater_or_equal");
                    if (cpus is not null && cpus <= 0)
                        value.Error("must be a positive number of cores");
                    c = c with { NumCpus = cpus };
                    break;
                case "cpu_arch":
                    var arch = OperandText(value, "equal");
                    var normalized = Architecture(arch);
                    if (arch is not null && normalized is null)
                        value.Error($"'{arch}' is not a known CPU architecture (x86_64, amd64, x64, arm64, arm32, risc-v)");
                    c = c with { Architecture = normalized };
                    break;
                case "realtime":
                    var rt = OperandText(value, "equal");
                    if (rt is not null && !bool.TryParse(rt, out _))
                        value.Error($"'{rt}' is not true or false");
                    c = c with { Realtime = rt is not null && bool.TryParse(rt, out var b) && b };
                    break;
                case "domain_id":
                    var domain = OperandText(value, "equal");
                    c = c with { Domain = domain is null ? null : ContinuumIds.DomainShort(domain) };
                    break;
                case "energy_efficiency":
                    var efficiency = Operand(value, "greater_or_equal");
                    // The portal sends ratio x 100 (aerios.md §7.2); a value above 1 is taken as percent.
                    if (efficiency is > 1 and <= 100) efficiency /= 100;
                    if (efficiency is < 0 or > 1) value.Error($"{efficiency} is not a ratio 0..1 or a percentage");
                    c = c with { MinEnergyEfficiency = efficiency };
                    break;
                case "green":
                    c = c with { Green = Operand(value, "greater_or_equal") };
                    break;
                case "area":
                    var coords = new List<double[]>();
                    if (value.Get("coordinates") is { } list)
                        foreach (var point in list.Items())
                        {
                            var xy = point.Items().Select(p => p.Number()).ToList();
                            if (xy.Count != 2 || xy.Any(v => v is null)) point.Error("must be [lon, lat]");
                            else coords.Add([xy[0]!.Value, xy[1]!.Value]);
                        }
                    else
                        value.Error("coordinates is required");
                    c = c with { Area = coords };
                    break;
            }
        }
        return c;
    }

    private static readonly string[] Known = ["cpu_usage", "mem_size", "num_cpus", "cpu_arch", "realtime", "domain_id", "energy_efficiency", "green", "area"];

    /// <summary>The value of <c>{op: value}</c>, or a bare scalar.</summary>
    private static string? OperandText(YamlNav value, string op)
    {
        if (value.IsScalar) return value.Str();
        if (value.IsList)
        {
            // TOSCA's list form: [ {less_or_equal: 0.5} ]
            var first = value.Items().FirstOrDefault();
            return first.Node is null ? null : OperandText(first, op);
        }
        string? text = null;
        foreach (var (_, v) in value.Entries(op))
            text = v.Str();
        if (text is null && value.Errors.Count == 0)
            value.Error($"expected {{{op}: value}}");
        return text;
    }

    private static double? Operand(YamlNav value, string op)
    {
        var text = OperandText(value, op);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
        value.Error($"'{text}' is not a number");
        return null;
    }

    /// <summary>"4096 MB" → bytes; aeriOS writes decimal MB, a bare number is MB too.</summary>
    private static double? Bytes(YamlNav value, string? text)
    {
        if (text is null) return null;
        var m = Size().Match(text);
        if (m.Success)
        {
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            double? factor = m.Groups[2].Value.ToUpperInvariant() switch
            {
                "" or "MB" => 1e6,
                "GB" => 1e9,
                "KB" => 1e3,
                "B" => 1,
                "MIB" => 1 << 20,
                "GIB" => 1 << 30,
                _ => null,
            };
            if (factor is { } f && n > 0) return n * f;
        }
        value.Error($"'{text}' is not a size like \"2000 MB\" or \"4 GB\"");
        return null;
    }

    public static string? Architecture(string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "x86_64" or "x64" or "amd64" => "AMD64",
        "arm64" or "aarch64" => "ARM64",
        "arm32" or "arm" => "ARM32",
        "risc-v" or "riscv64" => "RISC-V",
        _ => null,
    };

    private static string? Interfaces(YamlNav interfaces, List<KeyValuePair<string, string>> cliArgs, List<KeyValuePair<string, string>> envVars)
    {
        string? implementation = null;
        foreach (var (_, standard) in interfaces.Entries("Standard"))
            foreach (var (_, create) in standard.Entries("create"))
                foreach (var (key, value) in create.Entries("implementation", "inputs"))
                {
                    if (key == "implementation")
                        implementation = value.Str();
                    else
                        foreach (var (input, list) in value.Entries("cliArgs", "envVars"))
                            foreach (var item in list.Items())
                                foreach (var (k, v) in item.Entries())
                                    (input == "cliArgs" ? cliArgs : envVars).Add(new(k, v.IsScalar ? v.Str() ?? "" : ""));
                }
        return implementation;
    }

    private static (ContainerImage?, HelmChart?) Artifact(YamlNav artifact)
    {
        string? file = null, type = null, repository = null, version = null, username = null, password = null;
        var isPrivate = false;
        IReadOnlyDictionary<string, object?> values = new Dictionary<string, object?>();
        var services = new List<string>();
        foreach (var (key, value) in artifact.Entries("file", "type", "repository", "isPrivate", "username", "password", "version", "values", "services"))
        {
            switch (key)
            {
                case "file": file = value.Str(); break;
                case "type": type = value.Str(); break;
                case "repository": repository = value.Str(); break;
                case "version": version = value.Str(); break;
                case "isPrivate": isPrivate = value.Bool() ?? false; break;
                case "username": username = value.Str(); break;
                case "password": password = value.Str(); break;
                case "values":
                    if (value.ToObject() is IReadOnlyDictionary<string, object?> map) values = map;
                    else value.Error("must be a mapping of Helm values");
                    break;
                case "services":
                    foreach (var s in value.Items())
                        if (s.Str() is { } name) services.Add(name);
                    break;
            }
        }
        if (string.IsNullOrWhiteSpace(file))
            artifact.Error("file is required (image name or chart name)");
        if (isPrivate && (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password)))
            artifact.Error("a private artifact needs username and password");
        switch (type)
        {
            case DockerArtifact:
                if (version is not null || services.Count > 0 || values.Count > 0)
                    artifact.Error("version, values and services belong to Helm artifacts");
                return (new ContainerImage(file ?? "", repository ?? "docker_hub", isPrivate, username, password), null);
            case HelmArtifact:
                if (string.IsNullOrWhiteSpace(repository))
                    artifact.Error("repository (the chart repository URL) is required for a Helm chart");
                return (null, new HelmChart(file ?? "", repository ?? "", version, values, isPrivate, username, password, services));
            default:
                artifact.Error($"type must be {DockerArtifact} or {HelmArtifact}");
                return (null, null);
        }
    }
}
