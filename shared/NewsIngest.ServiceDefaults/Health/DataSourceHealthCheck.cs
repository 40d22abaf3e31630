using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsIngest.ServiceDefaults.Reliability;

namespace NewsIngest.ServiceDefaults;

/// <summary>Ready only while the database answers a trivial query within the check's timeout (the store's and the fetcher's state database).</summary>
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
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{name} does not answer: {FaultReason.Of(ex)}");
        }
    }
}
