using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Lifecycle;

namespace Safe6G.Orchestration.Hosting;

/// <summary>Re-allocation by polling: every interval, components on IEs now in status Overload are moved.</summary>
internal sealed class OverloadPoller(ServiceOrchestrator orchestrator, TimeSpan interval, ILogger log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var moved = await orchestrator.CheckOverloadsAsync(stoppingToken).ConfigureAwait(false);
                if (moved > 0)
                    log.LogInformation("moving {Count} component(s) off overloaded IEs", moved);
            }
            catch (ContinuumReadException ex)
            {
                log.LogWarning("overload check skipped: {Reason}", ex.Message);
            }
        }
    }
}
