using Grpc.Core;
using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Grpc.Messages;

namespace Safe6G.Orchestration.Grpc;

/// <summary>
/// The allocator as aeriOS's HLO allocator stands in the pipeline: HLOAllocatorOutput (components with their
/// candidate IEs) in, HLODeploymentEngineInput out. Stateless per call: components of one call share a ledger,
/// so two of them never take the same free capacity twice.
/// </summary>
public sealed class AllocatorGrpcService(AllocatorSettings settings) : HLOAllocator.HLOAllocatorBase
{
    public override Task<HLODeploymentEngineInput> Allocate(HLOAllocatorOutput request, ServerCallContext context) =>
        Task.FromResult(AllocateAll(request, settings));

    public static HLODeploymentEngineInput AllocateAll(HLOAllocatorOutput request, AllocatorSettings settings)
    {
        var allocator = new MetricAllocator(settings.Weights, settings.ExplainTop);
        var ledger = new PlacementLedger();
        var output = new HLODeploymentEngineInput();
        foreach (var requirement in request.ServiceComponentRequirements)
        {
            var component = requirement.ServiceComponentDefinition ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "service_component_definition is required"));
            var candidates = requirement.InfrastructureElementCandidates.Select(MessageMapping.ToState).ToList();
            var request1 = MessageMapping.ToRequest(component, settings);
            var decision = allocator.Decide(request1, candidates, ledger);
            var allocated = component.Clone();
            var allocation = new ServiceComponentAllocation
            {
                OldAllocatedInfrastructureElement = component.InfrastructureElement,
                NewAllocatedServiceComponent = allocated,
                Explanation = MessageMapping.ToMessage(decision.Explanation),
            };
            if (decision.Placed)
            {
                var chosen = requirement.InfrastructureElementCandidates.First(ie => Continuum.ContinuumIds.IeShort(ie.Id) == decision.Ie);
                allocated.InfrastructureElement = chosen;
                ledger.Reserve(request1, decision.Ie!, decision.Domain ?? "");
            }
            else
            {
                allocated.InfrastructureElement = null;
                allocation.FailureReason = decision.Reason ?? "no fit";
            }
            output.ServiceComponentAllocations.Add(allocation);
        }
        return output;
    }
}
