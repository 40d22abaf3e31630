using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NewsIngest.ServiceDefaults;

/// <summary>Ready only while the claim-check folder (RabbitMQ transport) takes a small file and gives it back.</summary>
public sealed class ClaimCheckFolderHealthCheck(IOptions<MessagingOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.Transport != MessagingTransport.RabbitMq || settings.ClaimCheckPath is null)
        {
            return HealthCheckResult.Healthy("bodies are kept in memory");
        }

        var probe = Path.Combine(settings.ClaimCheckPath, $".health-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy($"{settings.ClaimCheckPath} is writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"claim-check folder {settings.ClaimCheckPath} is not writable: {ex.Message}");
        }
    }
}
