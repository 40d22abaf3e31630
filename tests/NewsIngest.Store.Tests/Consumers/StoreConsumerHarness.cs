using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Store.Consumers;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Publishing;

namespace NewsIngest.Store.Tests.Consumers;

/// <summary>The store's <see cref="ArticleEnrichedConsumer"/> in MassTransit's test harness over a real repository and outbox.</summary>
internal static class StoreConsumerHarness
{
    /// <param name="services">More registrations, after the defaults (a test's own logger, say).</param>
    public static ServiceProvider Create(SqlArticleRepository repository, SqlOutbox outbox, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection()
            .AddSingleton<IArticleRepository>(repository)
            .AddSingleton(outbox)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new StoreOptions()))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<OutboxSignal>()
            .AddSingleton<NewsIngest.Store.Stories.StoryDeduplicator>()
            .AddSingleton<OutboxDispatcher>()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, StartedLifetime>()
            .AddLogging()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<ArticleEnrichedConsumer>();
                bus.DisableUsageTelemetry();
            });
        services?.Invoke(collection);
        return collection.BuildServiceProvider(true);
    }

    private sealed class StartedLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
