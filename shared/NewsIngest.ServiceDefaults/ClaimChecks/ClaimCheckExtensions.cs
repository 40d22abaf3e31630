using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

public static class ClaimCheckExtensions
{
    /// <summary>
    /// The claim-check repository the settings choose (memory with the in-memory transport; else a folder or
    /// PostgreSQL, behind inline bodies for small ones), as <see cref="IClaimCheckRepository"/> and as MassTransit's
    /// <see cref="IMessageDataRepository"/>, and the sweeper that expires what no stage released.
    /// </summary>
    public static IServiceCollection AddClaimChecks(this IServiceCollection services)
    {
        services.TryAddTimeProvider();
        services.AddSingleton<IClaimCheckRepository>(sp => Create(sp.GetRequiredService<IOptions<MessagingOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMessageDataRepository>(sp => sp.GetRequiredService<IClaimCheckRepository>());
        services.AddHostedService<ClaimCheckSweeper>();
        return services;
    }

    private static MeteredClaimChecks Create(MessagingOptions options, TimeProvider clock)
    {
        IClaimCheckRepository store = options.Transport == MessagingTransport.InMemory
            ? new MemoryClaimChecks(clock)
            : options.ClaimCheckStore switch
            {
                ClaimCheckStore.Postgres => new PostgresClaimChecks(NpgsqlDataSource.Create(options.ClaimCheckConnectionString!), clock),
                _ => new FolderClaimChecks(options.ClaimCheckPath!, options.ClaimCheckTimeToLive, options.ClaimCheckMaxBytes, clock),
            };
        return new MeteredClaimChecks(options.ClaimCheckInlineBytes > 0 ? new InlineClaimChecks(store, options.ClaimCheckInlineBytes) : store);
    }
}
