using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Grpc.Messages;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Grpc;

/// <summary>Between the aeriOS-shaped messages (MB, percent, -1 = unknown) and the allocator's model (bytes, ratios, null = unknown).</summary>
public static class MessageMapping
{
    public const string RequiredCpuUsage = "requiredCpuUsage";
    public const string RequiredRam = "requiredRam";
    public const string RequiredCpuCores = "requiredCpuCores";
    public const string RealTimeCapable = "realTimeCapable";
    public const string EnergyEfficiencyRatio = "energyEfficiencyRatio";

    private static double? Known(double v) => v < 0 ? null : v;

    public static IeState ToState(InfrastructureElement ie)
    {
        var totalMb = Known(ie.TotalRam);
        var availableMb = Known(ie.AvailableRam) ?? (totalMb is { } t && Known(ie.CurrentRam) is { } used ? t - used : null);
        return new IeState
        {
            Id = ContinuumIds.IeShort(ie.Id),
            Domain = ContinuumIds.DomainShort(ie.Domain?.Id ?? ""),
            Hostname = ie.Hostname,
            Architecture = ie.CpuArchitecture,
            ContainerTechnology = ie.ContainerTechnology,
            LowLevelOrchestrator = ie.LowLevelOrchestrator?.Id ?? "",
            Status = ie.Status.Length == 0 ? null : ie.Status,
            CpuCores = Known(ie.CpuCores),
            CpuUsage = Known(ie.CurrentCpuUsage) / 100,
            RamCapacityBytes = totalMb * 1e6,
            RamAvailableBytes = availableMb * 1e6,
            PowerWatts = Known(ie.CurrentPowerConsumption),
            PowerAverageWatts = Known(ie.AvgPowerConsumption),
            TrustScore = Known(ie.TrustScore),
            EnergyEfficiency = Known(ie.EnergyEfficiencyRatio),
            Realtime = ie.RealTimeKnown == 1 ? ie.RealTimeCapable : null,
        };
    }

    public static InfrastructureElement ToMessage(IeState ie) => new()
    {
        Id = ie.Urn,
        TotalRam = ie.RamCapacityBytes / 1e6 ?? -1,
        CpuCores = ie.CpuCores ?? -1,
        AvgPowerConsumption = ie.PowerAverageWatts ?? -1,
        RealTimeCapable = ie.Realtime ?? false,
        RealTimeKnown = ie.Realtime is null ? 0 : 1,
        CurrentRam = ie.RamCapacityBytes is { } c && ie.RamAvailableBytes is { } a ? (c - a) / 1e6 : -1,
        CurrentCpuUsage = ie.CpuUsage * 100 ?? -1,
        CurrentPowerConsumption = ie.PowerWatts ?? -1,
        Domain = new Domain { Id = ContinuumIds.DomainPrefix + ie.Domain },
        LowLevelOrchestrator = new LowLevelOrchestrator { Id = ie.LowLevelOrchestrator, Domain = new Domain { Id = ContinuumIds.DomainPrefix + ie.Domain } },
        Hostname = ie.Hostname,
        ContainerTechnology = ie.ContainerTechnology,
        CpuArchitecture = ie.Architecture,
        Status = ie.Status ?? "",
        AvailableRam = ie.RamAvailableBytes / 1e6 ?? -1,
        TrustScore = ie.TrustScore ?? -1,
        EnergyEfficiencyRatio = ie.EnergyEfficiency ?? -1,
    };

    /// <summary>A TOSCA component as the aggregator would hand it to the allocator.</summary>
    public static ServiceComponent ToMessage(string serviceId, ServiceDescriptor service, ComponentSpec spec)
    {
        var p = spec.Placement;
        var message = new ServiceComponent
        {
            Id = ContinuumIds.ComponentUrn(serviceId, spec.Name),
            Image = spec.Image?.Reference ?? spec.Helm!.Chart,
            Service = new Service { Id = ContinuumIds.ServiceUrn(serviceId) },
            ExposePorts = spec.ExposePorts,
            IsJob = spec.IsJob,
            IsPrivate = spec.Image?.IsPrivate ?? spec.Helm!.IsPrivate,
            CpuArchitecture = p.Architecture ?? "",
            DomainId = p.Domain ?? "",
            BelongsToTrustFunction = service.BelongsToTrustFunction,
        };
        message.Ports.AddRange(spec.Ports.Select(x => new Port { Number = x.Number }));
        message.CliArgs.AddRange(spec.CliArgs.Select(kv => new KeyValue { Key = kv.Key, Value = kv.Value }));
        message.EnvVars.AddRange(spec.EnvVars.Select(kv => new KeyValue { Key = kv.Key, Value = kv.Value }));
        message.PreselectedInfrastructureElements.AddRange(p.IeIds.Select(ContinuumIds.IeUrn));
        if (p.MaxCpuUsage is { } u) message.ServiceComponentConstraints[RequiredCpuUsage] = (float)(u * 100);
        if (p.MemBytes is { } m) message.ServiceComponentConstraints[RequiredRam] = (float)(m / 1e6);
        if (p.NumCpus is { } n) message.ServiceComponentConstraints[RequiredCpuCores] = (float)n;
        if (p.Realtime) message.ServiceComponentConstraints[RealTimeCapable] = 1;
        if (p.MinEnergyEfficiency is { } e) message.ServiceComponentConstraints[EnergyEfficiencyRatio] = (float)e;
        return message;
    }

    public static ComponentRequest ToRequest(ServiceComponent c, AllocatorSettings settings)
    {
        var k = c.ServiceComponentConstraints;
        double? Get(string key) => k.TryGetValue(key, out var v) ? v : null;
        var serviceId = c.Service?.Id is { Length: > 0 } s && s.StartsWith(ContinuumIds.ServicePrefix, StringComparison.Ordinal) ? s[ContinuumIds.ServicePrefix.Length..] : c.Service?.Id ?? "";
        var marker = c.Id.IndexOf(":Component:", StringComparison.Ordinal);
        var name = marker >= 0 ? c.Id[(marker + ":Component:".Length)..] : c.Id;
        var constraints = new PlacementConstraints
        {
            IeIds = [.. c.PreselectedInfrastructureElements.Select(ContinuumIds.IeShort)],
            MaxCpuUsage = Get(RequiredCpuUsage) / 100,
            MemBytes = Get(RequiredRam) * 1e6,
            NumCpus = Get(RequiredCpuCores),
            Architecture = c.CpuArchitecture.Length == 0 ? null : ToscaParser.Architecture(c.CpuArchitecture) ?? c.CpuArchitecture,
            Realtime = Get(RealTimeCapable) is >= 0.5,
            Domain = c.DomainId.Length == 0 ? null : ContinuumIds.DomainShort(c.DomainId),
            MinEnergyEfficiency = Get(EnergyEfficiencyRatio),
        };
        return new ComponentRequest(serviceId, name, constraints.NumCpus ?? settings.DefaultCpuCores, constraints.MemBytes ?? settings.DefaultRamBytes,
            constraints, c.BelongsToTrustFunction);
    }

    public static Messages.Explanation ToMessage(Allocation.Explanation e)
    {
        var m = new Messages.Explanation { Candidates = e.Candidates, Eligible = e.Eligible };
        foreach (var c in e.Ranked)
        {
            var score = new Messages.CandidateScore { InfrastructureElement = ContinuumIds.IeUrn(c.Ie), Total = c.Total };
            score.Terms.AddRange(c.Terms.Select(t => new Messages.ScoreTerm { Name = t.Name, Value = t.Value, Weight = t.Weight, Contribution = t.Contribution }));
            m.Ranked.Add(score);
        }
        foreach (var (rule, count) in e.RejectionsByRule) m.RejectionsByRule[rule] = count;
        m.Rejected.AddRange(e.Rejected.Select(r => new Rejection { InfrastructureElement = ContinuumIds.IeUrn(r.Ie), Reason = $"{r.Rule}: {r.Reason}" }));
        return m;
    }
}
