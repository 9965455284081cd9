using System.Globalization;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion.Seed;

/// <summary>
/// Generates one aeriOS domain as its broker holds it: Domain, Organization, LowLevelOrchestrators, <c>scale</c>
/// InfrastructureElements (self-awareness shape, with -1 for unmeasured values), and Services with their
/// ServiceComponents, InfrastructureElementRequirements, NetworkPorts and (SAFE-6G) ServiceLifecycle.
/// Everything derives from (seed, domain, tenant): the same inputs give the same entities. With <c>sdmQuirks</c> about a
/// third of the IEs are written the Smart Data Models way instead: plain-string enum Properties ("Ready", "AMD64")
/// and float percentages (20.58), the variants an exporter must also accept.
/// </summary>
internal sealed class ContinuumSeeder(int seed, string domain, string tenant, int scale, bool sdmQuirks = false)
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] IeStatuses = ["Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Ready", "Overload", "Unsecure", "Untrusted"];
    private static readonly string[] TrustDimensions = ["Security", "Safety", "Privacy", "Resilience", "Reliability"];
    private static readonly (string Name, string Element)[] TrustComponents = [("ai-agent", "aiAgent"), ("napp", "nApp"), ("vapp", "vApp")];
    private static readonly string[] PlainComponents = ["frontend", "backend", "db"];
    private static readonly string[] ActionTypes = ["DEPLOYED", "DEPLOYED", "DEPLOYED", "DEPLOYED", "DEPLOYED", "DEPLOYED", "DEPLOYING", "DESTROYING", "FINISHED", "urn:ngsi-ld:null"];

    private readonly string _key = tenant.Length == 0 ? domain : $"{domain}/{tenant}";
    private readonly DateTimeOffset _created = Epoch.AddMinutes(Deterministic.Between(seed, domain, 0, 60 * 24 * 30));

    public string DomainId => $"urn:ngsi-ld:Domain:{domain}";

    public IEnumerable<NgsiEntity> Generate()
    {
        var organization = $"urn:ngsi-ld:Organization:{domain}-org";
        yield return new EntityBuilder(DomainId, "Domain", _created)
            .Prop("description", $"SAFE-6G simulated domain {domain}")
            .Prop("publicUrl", $"https://{domain.ToLowerInvariant()}.safe6g.example")
            .Rel("owner", new[] { organization })
            .Prop("isEntrypoint", Deterministic.Unit(seed, domain, 2) < 0.5)
            .Rel("domainStatus", "urn:ngsi-ld:DomainStatus:Functional")
            .Build();
        yield return new EntityBuilder(organization, "Organization", _created).Prop("name", $"{domain} operator").Build();

        string[] llos = [$"urn:ngsi-ld:LowLevelOrchestrator:{domain}:Kubernetes", $"urn:ngsi-ld:LowLevelOrchestrator:{domain}:Docker"];
        foreach (var (llo, tech) in llos.Zip(new[] { "Kubernetes", "Docker" }))
            yield return new EntityBuilder(llo, "LowLevelOrchestrator", _created)
                .Rel("domain", DomainId)
                .Rel("orchestrationType", $"urn:ngsi-ld:OrchestrationType:{tech}")
                .Build();

        var ies = new List<string>(scale);
        for (var i = 0; i < scale; i++)
        {
            var ie = InfrastructureElement(i, llos);
            ies.Add(ie.Id);
            yield return ie;
        }

        var services = Math.Max(1, (scale + 9) / 10);
        for (var s = 0; s < services; s++)
            foreach (var entity in Service(s, ies))
                yield return entity;
    }

    private NgsiEntity InfrastructureElement(int index, string[] llos)
    {
        var key = $"{_key}/ie/{index}";
        var h = Deterministic.Hash(seed, key);
        var mac = string.Create(CultureInfo.InvariantCulture, $"02:{(byte)h:x2}:{(byte)(h >> 8):x2}:{(byte)(index >> 16):x2}:{(byte)(index >> 8):x2}:{(byte)index:x2}");
        var id = $"urn:ngsi-ld:InfrastructureElement:{domain}:{mac.Replace(":", "", StringComparison.Ordinal)}";

        var archRoll = Deterministic.Unit(seed, key, 10);
        var (arch, tier) = archRoll switch
        {
            < 0.55 => ("AMD64", "Cloud"),
            < 0.85 => ("ARM64", "Edge"),
            < 0.92 => ("RISC-V", "Edge"),
            _ => ("x64", "Cloud"), // the older HLO-FE spelling still found in deployments
        };
        var cores = arch == "AMD64" || arch == "x64"
            ? Deterministic.Pick(seed, key, new[] { 4, 8, 16, 32, 64 }, 11)
            : Deterministic.Pick(seed, key, new[] { 2, 4, 8 }, 11);
        var ramGiB = cores * Deterministic.Pick(seed, key, new[] { 1, 2, 4 }, 12);
        var ramCapacity = (long)Math.Ceiling(ramGiB * 1073.741824); // decimal MB of a GiB-sized machine, like psutil/1e6
        var diskCapacity = (long)Deterministic.Pick(seed, key, new[] { 64, 128, 256, 512, 1024 }, 13) * 1000; // GB → decimal MB
        var gpu = Deterministic.Unit(seed, key, 14) < 0.15;
        var unmeasured = Deterministic.Unit(seed, key, 15) < 0.08; // created, first sample not yet taken: all -1
        var noPowertop = unmeasured || Deterministic.Unit(seed, key, 16) < 0.2;
        var speedTest = Deterministic.Unit(seed, key, 17) < 0.3;
        var trustScore = Deterministic.Unit(seed, key, 18) < 0.3 ? -1.0 : Math.Round(0.5 + 0.5 * Deterministic.Unit(seed, key, 19), 2);
        var efficiency = Deterministic.Unit(seed, key, 20) < 0.5 ? (object)0L : Math.Round(Deterministic.Unit(seed, key, 21), 2);
        var tech = Deterministic.Unit(seed, key, 22) < 0.8 ? "Kubernetes" : "Docker";
        var status = Deterministic.Pick(seed, key, IeStatuses, 23);
        var sdm = sdmQuirks && Deterministic.Unit(seed, key, 50) < 1.0 / 3;
        var domainByte = (int)(Deterministic.Hash(seed, domain) % 200) + 20;
        var lon = Math.Round(-5 + 25 * Deterministic.Unit(seed, domain, 24) + 0.2 * Deterministic.Unit(seed, key, 25), 4);
        var lat = Math.Round(38 + 15 * Deterministic.Unit(seed, domain, 26) + 0.2 * Deterministic.Unit(seed, key, 27), 4);

        var b = new EntityBuilder(id, "InfrastructureElement", _created.AddSeconds(index))
            .Rel("domain", DomainId)
            .Prop("hostname", string.Create(CultureInfo.InvariantCulture, $"{domain.ToLowerInvariant()}-node-{index:D4}"))
            .Prop("containerTechnology", tech)
            .Prop("internalIpAddress", string.Create(CultureInfo.InvariantCulture, $"10.{domainByte}.{index / 250 % 256}.{index % 250 + 2}"))
            .Prop("macAddress", mac)
            .Rel("lowLevelOrchestrator", tech == "Kubernetes" ? llos[0] : llos[1])
            .Prop("cpuCores", (long)cores)
            .Prop("cpuFreqMax", (long)Deterministic.Pick(seed, key, new[] { 2000, 2400, 3000, 3600 }, 28), Units.Megahertz)
            .Prop("gpu", gpu)
            .Prop("gpuMemory", gpu ? (long)Deterministic.Pick(seed, key, new[] { 8192, 16384, 24576 }, 29) : -1L, Units.Megabytes)
            .Prop("ramCapacity", ramCapacity, Units.Megabytes);

        if (unmeasured)
        {
            foreach (var (name, unit) in new[] { ("availableRam", Units.Megabytes), ("currentRamUsage", Units.Megabytes), ("currentRamUsagePct", Units.Percent), ("currentCpuUsage", Units.Percent) })
                b.Prop(name, -1L, unit);
        }
        else
        {
            b.Live("availableRam", now => ramCapacity - RamUsed(key, ramCapacity, now), Units.Megabytes)
             .Live("currentRamUsage", now => RamUsed(key, ramCapacity, now), Units.Megabytes)
             .Live("currentRamUsagePct", now => sdm
                 ? Math.Round(100.0 * RamUsed(key, ramCapacity, now) / ramCapacity, 2)
                 : (object)(long)Math.Ceiling(100.0 * RamUsed(key, ramCapacity, now) / ramCapacity), Units.Percent)
             .Live("currentCpuUsage", now => sdm ? Math.Round(100 * Wave(key + "/cpu", now), 2) : (object)CpuPercent(key, now), Units.Percent);
        }

        b.Prop("diskType", Deterministic.Pick(seed, key, new[] { "SSD", "SSD", "HDD", "" }, 30))
         .Prop("diskCapacity", diskCapacity, Units.Megabytes)
         .Live("availableDisk", now => diskCapacity - DiskUsed(key, diskCapacity, now), Units.Megabytes)
         .Live("currentDiskUsage", now => DiskUsed(key, diskCapacity, now), Units.Megabytes)
         .Live("currentDiskUsagePct", now => (long)Math.Ceiling(100.0 * DiskUsed(key, diskCapacity, now) / diskCapacity), Units.Percent);
        if (speedTest)
        {
            b.Prop("netSpeedUp", (long)Deterministic.Pick(seed, key, new[] { 100, 940, 9400 }, 31), Units.Megabits)
             .Prop("netSpeedDown", (long)Deterministic.Pick(seed, key, new[] { 100, 940, 9400 }, 32), Units.Megabits);
        }
        b.Live("netTrafficUp", now => Math.Round(20 * Wave(key + "/up", now), 3), Units.MegabytesPerSecond)
         .Live("netTrafficDown", now => Math.Round(50 * Wave(key + "/down", now), 3), Units.MegabytesPerSecond)
         .Live("netLostPackages", now => (long)((now - Epoch).TotalMinutes * 0.5 * Deterministic.Unit(seed, key, 33)));

        if (noPowertop)
        {
            b.Prop("avgPowerConsumption", -1L, Units.Watts).Prop("currentPowerConsumption", -1L, Units.Watts);
        }
        else
        {
            var baseline = cores * 3 + 10;
            b.Live("avgPowerConsumption", now => (long)Math.Ceiling(baseline * (0.9 + 0.2 * Wave(key + "/avgp", now))), Units.Watts)
             .Live("currentPowerConsumption", now => (long)Math.Ceiling(baseline * (0.3 + CpuPercent(key, now) / 100.0)), Units.Watts);
        }

        var green = Deterministic.Unit(seed, key, 34) < 0.15;
        return b.Rel("powerSource", green ? $"urn:ngsi-ld:PowerSource:{domain}:Solar" : "urn:ngsi-ld:none")
            .Prop("energyEfficiencyRatio", efficiency)
            .Prop("realTimeCapable", Deterministic.Unit(seed, key, 35) < 0.2)
            .Prop("trustScore", trustScore)
            .Enum(sdm, "cpuArchitecture", "CpuArchitecture", sdm && arch == "x64" ? "AMD64" : arch)
            .Enum(sdm, "operatingSystem", "OperatingSystem", "Linux")
            .Enum(sdm, "infrastructureElementTier", "InfrastructureElementTier", tier)
            .Enum(sdm, "infrastructureElementStatus", "InfrastructureElementStatus", sdm && status == "Overload" ? "Overloaded" : status)
            .Geo("location", lon, lat)
            .Build();
    }

    private IEnumerable<NgsiEntity> Service(int index, List<string> ies)
    {
        var key = $"{_key}/svc/{index}";
        var serviceId = string.Create(CultureInfo.InvariantCulture, $"urn:ngsi-ld:Service:{domain}-{index:D4}");
        var created = _created.AddHours(1).AddMinutes(index);
        var actionType = Deterministic.Pick(seed, key, ActionTypes, 1);
        var trust = Deterministic.Unit(seed, key, 2) < 0.6;
        var service = new EntityBuilder(serviceId, "Service", created)
            .Prop("name", $"aeriOS_service_{serviceId}")
            .Prop("description", trust ? "SAFE-6G trust function" : "Vertical application")
            .Rel("domainHandler", DomainId)
            .Prop("actionType", actionType)
            .Prop("hasOverlay", Deterministic.Unit(seed, key, 3) < 0.3)
            .Prop("belongsToTrustFunction", trust);
        if (trust) service.Prop("trustFunctionDimension", Deterministic.Pick(seed, key, TrustDimensions, 4));
        yield return service.Build();

        var count = trust ? 3 : Deterministic.Between(seed, key, 1, 3, 5);
        for (var c = 0; c < count; c++)
        {
            var ckey = $"{key}/c/{c}";
            var (name, element) = trust ? TrustComponents[c] : (PlainComponents[c], (string?)null);
            var componentId = $"{serviceId}:Component:{name}";
            var status = ComponentStatus(actionType, ckey);
            var placed = status is not ("Starting" or "Locating");
            var ie = ies.Count == 0 || !placed ? "urn:ngsi-ld:null" : ies[(int)(Deterministic.Hash(seed, ckey, 6) % (ulong)ies.Count)];
            var ports = Enumerable.Range(0, Deterministic.Between(seed, ckey, 1, 2, 7))
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"urn:ngsi-ld:NetworkPort:{(uint)Deterministic.Hash(seed, ckey, 100 + p):x8}"))
                .ToArray();
            var component = new EntityBuilder(componentId, "ServiceComponent", created)
                .Rel("service", serviceId)
                .Rel("infrastructureElement", ie)
                .Rel("serviceComponentStatus", $"urn:ngsi-ld:ServiceComponentStatus:{status}")
                .Rel("infrastructureElementRequirements", $"{componentId}:InfrastructureElementRequirements")
                .Prop("containerImage", $"registry.gitlab.com/safe-6g/development/{name}:1.{index % 5}.0")
                .Rel("networkPorts", ports)
                .KeyValues("cliArgs")
                .KeyValues("envVars", ("DOMAIN", domain), ("LOG_LEVEL", "info"))
                .KeyValues("sla", ("periodicity", 5L))
                .Prop("exposePorts", c == 0)
                .Prop("isJob", false)
                .Prop("isPrivate", false);
            if (element is not null) component.Prop("trustFunctionElement", element);
            component.Prop("interactsWithContinuum", Deterministic.Unit(seed, ckey, 8) < 0.7)
                .Prop("interactsWithCore", Deterministic.Unit(seed, ckey, 9) < 0.4)
                .Prop("interactsWithService", Deterministic.Unit(seed, ckey, 10) < 0.5);
            yield return component.Build();

            yield return new EntityBuilder($"{componentId}:InfrastructureElementRequirements", "InfrastructureElementRequirements", created)
                .Rel("infrastructureElement", "urn:ngsi-ld:null")
                .Prop("requiredCpuUsage", (long)Deterministic.Pick(seed, ckey, new[] { 50, 70, 80, 90 }, 11))
                .Prop("requiredRam", (long)Deterministic.Pick(seed, ckey, new[] { 512, 1000, 2000, 4096 }, 12))
                .Rel("cpuArchitecture", "urn:ngsi-ld:CpuArchitecture:x64")
                .Prop("realTimeCapable", Deterministic.Unit(seed, ckey, 13) < 0.2)
                .Prop("energyEfficiencyRatio", Math.Round(Deterministic.Unit(seed, ckey, 14) * 0.5, 2))
                .Prop("greenEnergyRatio", Math.Round(Deterministic.Unit(seed, ckey, 15) * 0.5, 2))
                .Rel("domainId", DomainId)
                .Build();

            for (var p = 0; p < ports.Length; p++)
                yield return new EntityBuilder(ports[p], "NetworkPort", created)
                    .Prop("portNumber", (long)(8000 + Deterministic.Between(seed, ckey, 0, 999, 200 + p)))
                    .Prop("portProtocol", Deterministic.Unit(seed, ckey, 300 + p) < 0.8 ? "TCP" : "UDP")
                    .Build();
        }

        // SAFE-6G ServiceLifecycle: D3.2 names the entity but not its attributes; these are our assumption.
        var operation = actionType switch { "DESTROYING" => "remove", "FINISHED" => "remove", "DEPLOYING" => "deploy", _ => Deterministic.Pick(seed, key, new[] { "deploy", "upgrade", "reallocate" }, 20) };
        yield return new EntityBuilder(string.Create(CultureInfo.InvariantCulture, $"urn:ngsi-ld:ServiceLifecycle:{domain}-{index:D4}"), "ServiceLifecycle", created)
            .Rel("service", serviceId)
            .Prop("lifecycleOperation", operation)
            .Prop("lifecycleStage", actionType is "DEPLOYED" or "FINISHED" ? "K8s" : Deterministic.Pick(seed, key, new[] { "HLO", "LLO", "K8s" }, 21))
            .Prop("lifecycleStatus", actionType switch { "DEPLOYED" or "FINISHED" => "Completed", "urn:ngsi-ld:null" => "Failed", _ => "InProgress" })
            .Prop("revision", (long)(operation == "upgrade" ? Deterministic.Between(seed, key, 2, 6, 22) : 1))
            .Prop("lastTransitionTime", EntityWriterTimestamp(created.AddMinutes(Deterministic.Between(seed, key, 1, 600, 23))))
            .Build();
    }

    private string ComponentStatus(string actionType, string key) => actionType switch
    {
        "DEPLOYING" => Deterministic.Pick(seed, key, new[] { "Starting", "Locating" }, 40),
        "DESTROYING" => "Removing",
        "FINISHED" => "Finished",
        "urn:ngsi-ld:null" => "Failed",
        _ => Deterministic.Pick(seed, key, new[] { "Running", "Running", "Running", "Running", "Running", "Running", "Overload", "Migrating" }, 41),
    };

    private static string EntityWriterTimestamp(DateTimeOffset t) => Render.EntityWriter.Timestamp(t);

    private double Wave(string key, DateTimeOffset now) => Deterministic.Wave(seed, key, now, TimeSpan.FromMinutes(10), NgsiAttribute.LiveStep);

    private long CpuPercent(string key, DateTimeOffset now) => (long)Math.Ceiling(100 * Wave(key + "/cpu", now));

    private long RamUsed(string key, long capacity, DateTimeOffset now) => (long)Math.Ceiling(capacity * (0.15 + 0.75 * Wave(key + "/ram", now)));

    private long DiskUsed(string key, long capacity, DateTimeOffset now)
        => (long)Math.Ceiling(capacity * (0.2 + 0.6 * Deterministic.Wave(seed, key + "/disk", now, TimeSpan.FromHours(6), NgsiAttribute.LiveStep)));
}
