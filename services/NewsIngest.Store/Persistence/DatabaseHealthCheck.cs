using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsIngest.Data;
using NewsIngest.ServiceDefaults.Reliability;

namespace NewsIngest.Store.Persistence;

/// <summary>Healthy while the store's database answers a query within a few seconds: part of <c>/health/ready</c>.</summary>
public sealed class DatabaseHealthCheck(SqlDialect dialect) : IHealthCheck
{
    public const string Name = "database";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await dialect.DataSource.OpenConnectionAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{dialect.Name} answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{dialect.Name} does not answer: {FaultReason.Of(ex)}");
        }
    }
}
