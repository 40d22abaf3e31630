using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NewsIngest.Store.Telemetry;

/// <summary>Ready while the outbox backlog and the age of its oldest record stay under <see cref="StoreHealthOptions"/>'s limits.</summary>
public sealed class OutboxHealthCheck(OutboxBacklog backlog, IOptions<StoreHealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        OutboxSample sample;
        try
        {
            sample = await backlog.SampleAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"the outbox cannot be read: {ex.Message}");
        }

        var age = Math.Round(sample.OldestAge.TotalSeconds, 1);
        if (sample.Pending > limits.MaxOutboxBacklog)
        {
            return HealthCheckResult.Unhealthy($"{sample.Pending} records wait to be published (limit {limits.MaxOutboxBacklog})");
        }

        return sample.OldestAge > limits.MaxOutboxAge
            ? HealthCheckResult.Unhealthy($"the oldest of {sample.Pending} unpublished records is {age} s old (limit {limits.MaxOutboxAge})")
            : HealthCheckResult.Healthy($"{sample.Pending} records wait to be published, the oldest {age} s");
    }
}
