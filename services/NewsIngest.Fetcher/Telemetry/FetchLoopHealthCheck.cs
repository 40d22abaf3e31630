using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Polling;

namespace NewsIngest.Fetcher.Telemetry;

/// <summary>Ready while the fetch loop's last finished pass is more recent than <see cref="FetcherHealthOptions.LoopStallAfter"/>.</summary>
public sealed class FetchLoopHealthCheck(FetchProgress progress, IOptions<FetcherHealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = progress.SinceLastPass;
        var limit = options.Value.LoopStallAfter;
        var seconds = Math.Round(since.TotalSeconds, 1);
        return Task.FromResult(since <= limit
            ? HealthCheckResult.Healthy($"last pass over the sources {seconds} s ago")
            : HealthCheckResult.Unhealthy($"the fetch loop is stuck: no pass over the sources finished for {seconds} s (limit {limit})"));
    }
}
