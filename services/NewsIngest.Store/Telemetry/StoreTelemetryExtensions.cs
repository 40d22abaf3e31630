using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsIngest.ServiceDefaults;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Telemetry;

public static class StoreTelemetryExtensions
{
    /// <summary>Readiness of the store: its database answers and the outbox is not stuck; the outbox gauges' sampler.</summary>
    public static IHostApplicationBuilder AddStoreHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StoreHealthOptions>(StoreHealthOptions.Section);
        builder.Services.AddSingleton<OutboxBacklog>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxBacklog>());
        builder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(
                "store-database",
                sp => new DatabaseHealthCheck(sp.GetRequiredService<SqlDialect>().DataSource, "the store database"),
                failureStatus: null,
                tags: null))
            .AddCheck<OutboxHealthCheck>("outbox");
        return builder;
    }
}
