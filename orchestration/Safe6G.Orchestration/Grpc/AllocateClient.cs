using global::Grpc.Net.Client;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Grpc.Messages;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Grpc;

/// <summary>
/// The client side of <c>safe6g orchestrator allocate</c>: builds the aggregator's message (every component with
/// every IE read from Prometheus as candidate) and asks a gRPC allocator for the decision.
/// </summary>
public static class AllocateClient
{
    public static HLOAllocatorOutput BuildRequest(string serviceId, ServiceDescriptor service, ContinuumSnapshot continuum)
    {
        var candidates = continuum.Ies.Select(MessageMapping.ToMessage).ToList();
        var request = new HLOAllocatorOutput();
        foreach (var component in service.Components)
        {
            var requirement = new ServiceComponentRequirement { ServiceComponentDefinition = MessageMapping.ToMessage(serviceId, service, component) };
            requirement.InfrastructureElementCandidates.AddRange(candidates);
            request.ServiceComponentRequirements.Add(requirement);
        }
        return request;
    }

    public static async Task<HLODeploymentEngineInput> CallAsync(Uri allocator, HLOAllocatorOutput request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(allocator, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20, MaxSendMessageSize = 64 << 20 });
        var client = new HLOAllocator.HLOAllocatorClient(channel);
        return await client.AllocateAsync(request, deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
    }
}
