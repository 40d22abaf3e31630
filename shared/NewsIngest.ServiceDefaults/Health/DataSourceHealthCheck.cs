using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsIngest.ServiceDefaults;

/// <summary>Ready only while the database answers a trivial query within the check's timeout.</summary>
public sealed class DataSourceHealthCheck(DbDataSource dataSource, string name) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(deadline.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(deadline.Token);
            return HealthCheckResult.Healthy($"{name} answers");
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{name} does not answer: {ex.Message}");
        }
    }
}
