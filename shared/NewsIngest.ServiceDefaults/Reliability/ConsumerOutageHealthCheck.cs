using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsIngest.ServiceDefaults.Reliability;

/// <summary>Unhealthy while any consumer waits for a dependency; the data name each endpoint, since when and why.</summary>
public sealed class ConsumerOutageHealthCheck(ConsumerOutages outages) : IHealthCheck
{
    public const string Name = "consumers";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = outages.Open;
        if (open.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("every consumer takes messages"));
        }

        var data = open.ToDictionary(
            entry => entry.Key,
            entry => (object)string.Create(CultureInfo.InvariantCulture, $"waiting since {entry.Value.Since:O}: {entry.Value.Reason}"));
        return Task.FromResult(new HealthCheckResult(
            context.Registration.FailureStatus,
            $"waiting for a dependency: {string.Join(", ", open.Keys.Order(StringComparer.Ordinal))}",
            data: data));
    }
}
