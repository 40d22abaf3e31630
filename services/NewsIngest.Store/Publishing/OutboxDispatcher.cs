using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.ServiceDefaults;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Telemetry;

namespace NewsIngest.Store.Publishing;

/// <summary>
/// Publishes stored records to the <c>news.articles</c> topic from the outbox (the records not yet
/// published), on every store replica: row locks keep two replicas off the same record, and the message id
/// is the article id, so a record is published once and a crash can only repeat it, never lose it.
/// </summary>
public sealed class OutboxDispatcher(
    IArticleRepository repository,
    IBus bus,
    OutboxSignal signal,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 50;

    /// <summary>Publishes every pending record now; returns how many.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int published;
        do
        {
            published = await repository.DispatchPendingAsync(PublishAsync, BatchSize, cancellationToken);
            total += published;
        }
        while (published == BatchSize);

        do
        {
            published = await repository.DispatchPendingSightingsAsync(PublishUpdateAsync, BatchSize, cancellationToken);
            total += published;
        }
        while (published == BatchSize);

        return total;

        async Task PublishUpdateAsync(ArticleUpdated update)
        {
            using var trace = OutboxTraces.StartPublish(update.ArticleId, "updated", out var fetchedAt);
            await bus.Publish(update, context => context.MessageId = update.ArticleId, cancellationToken);
            StoreMetrics.RecordPublished("updated", fetchedAt);
            logger.LogInformation("Published sighting {ArticleId} of story {StoryId} to {Exchange} as {RoutingKey}", update.ArticleId, update.StoryId, ArticleTopic.Exchange, ArticleTopic.RoutingKey(update));
        }

        async Task PublishAsync(ArticleStored record)
        {
            using var trace = OutboxTraces.StartPublish(record.ArticleId, "stored", out var fetchedAt);
            await bus.Publish(record, context => context.MessageId = record.ArticleId, cancellationToken);
            StoreMetrics.RecordPublished("stored", fetchedAt);
            logger.LogInformation("Published article {ArticleId} to {Exchange} as {RoutingKey}", record.ArticleId, ArticleTopic.Exchange, ArticleTopic.RoutingKey(record));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publish only once the bus (started by another hosted service) is up.
        using (var started = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stoppingToken))
        {
            await Task.Delay(Timeout.Infinite, started.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Publishing stored records failed; they stay in the outbox and are retried: {Reason}", ex.Message);
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }
}
