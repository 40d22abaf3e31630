using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsIngest.ServiceDefaults.Reliability;

/// <summary>
/// Which receive endpoints are waiting for a dependency (their consumer failed with an outage and has not succeeded
/// since). The change is logged once each way; <c>/health/ready</c> reports it (<see cref="ConsumerOutageHealthCheck"/>).
/// </summary>
public sealed class ConsumerOutages(TimeProvider clock, ILogger<ConsumerOutages> logger)
{
    private readonly ConcurrentDictionary<string, ConsumerOutage> _open = new(StringComparer.Ordinal);

    /// <summary>Endpoints (queue names) waiting for a dependency now.</summary>
    public IReadOnlyDictionary<string, ConsumerOutage> Open => _open;

    public void Failed(string endpoint, Exception exception)
    {
        var outage = new ConsumerOutage(clock.GetUtcNow(), FaultReason.Of(exception));
        if (_open.TryAdd(endpoint, outage))
        {
            logger.LogWarning(
                "Consumer {Endpoint} stops taking messages: a dependency is unavailable ({Reason}); its messages stay queued and are retried until it is back",
                endpoint, outage.Reason);
        }
    }

    public void Succeeded(string endpoint)
    {
        if (!_open.IsEmpty && _open.TryRemove(endpoint, out var outage))
        {
            logger.LogInformation("Consumer {Endpoint} takes messages again after {Downtime}", endpoint, clock.GetUtcNow() - outage.Since);
        }
    }
}

/// <summary>Since when an endpoint waits, and the first failure that made it wait.</summary>
public sealed record ConsumerOutage(DateTimeOffset Since, string Reason);
