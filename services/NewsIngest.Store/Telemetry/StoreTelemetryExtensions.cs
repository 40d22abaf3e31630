using NewsIngest.ServiceDefaults;

namespace NewsIngest.Store.Telemetry;

public static class StoreTelemetryExtensions
{
    /// <summary>The store's instruments from start-up, the outbox gauges' sampler, and readiness: the outbox is not stuck.</summary>
    public static IHostApplicationBuilder AddStoreHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCounterBaseline(StoreMetrics.RecordBaseline);
        builder.Services.AddValidatedOptions<StoreHealthOptions>(StoreHealthOptions.Section);
        builder.Services.AddSingleton<OutboxBacklog>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxBacklog>());
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
        return builder;
    }
}
