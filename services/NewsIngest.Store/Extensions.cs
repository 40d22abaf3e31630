using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsIngest.Data;
using NewsIngest.ServiceDefaults;
using NewsIngest.Store.Consumers;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Publishing;
using NewsIngest.Store.Stories;
using NewsIngest.Store.Telemetry;

namespace NewsIngest.Store;

public static class Extensions
{
    /// <summary>The store's options, repository (PostgreSQL or SQLite) and start-up migration.</summary>
    public static IHostApplicationBuilder AddStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StoreOptions>(StoreOptions.Section);
        builder.Services.AddSingleton(sp => StoreDatabase.For(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        builder.Services.AddSingleton<IArticleRepository, SqlArticleRepository>();
        builder.Services.AddSingleton<SqlOutbox>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "database", sp => new DataSourceHealthCheck(sp.GetRequiredService<SqlDialect>().DataSource, sp.GetRequiredService<SqlDialect>().Name), failureStatus: null, tags: ["ready"]));
        builder.Services.AddSingleton<ArticleQueries>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return new StoryDeduplicator(sp.GetRequiredService<IArticleRepository>(), options.DedupWindow) { OwnPublishLease = options.OutboxLease };
        });
        builder.Services.TryAddTimeProvider();
        // Registered before MassTransit's hosted service, so the schema exists before the first message.
        builder.Services.AddHostedService<SchemaMigrator>();
        builder.Services.AddSingleton<IRabbitMqTopology, ArticleTopicTopology>();
        builder.Services.AddHostedService<ReplayStream>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        builder.AddStoreHealth();
        return builder;
    }

    public static IBusRegistrationConfigurator AddStoreConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ArticleEnrichedConsumer>();
        bus.AddConsumer<ArticleRejectedConsumer>();
        return bus;
    }
}
