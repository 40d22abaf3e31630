namespace NewsIngest.Store.Persistence;

/// <summary>Brings the schema up to date before the bus starts consuming.</summary>
public sealed class SchemaMigrator(IArticleRepository repository, ILogger<SchemaMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var schema = await repository.MigrateAsync(cancellationToken);
        logger.LogInformation("Store schema is at version {SchemaVersion}", schema.Version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
