using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.ServiceDefaults;
using NewsIngest.ServiceDefaults.Reliability;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Publishing;

/// <summary>
/// Publishes the outbox to the <c>news.articles</c> topic on every store replica: records (<c>article.stored</c>), then
/// sightings of published stories (<c>article.updated</c>), through one loop. Each batch is leased in a short
/// transaction, each message marked published as soon as the broker confirms it; the message id is the article id.
/// So a crash repeats at most the one message in flight, and an outage (database or broker) is waited out.
/// </summary>
public sealed class OutboxDispatcher(
    SqlOutbox outbox,
    IBus bus,
    OutboxSignal signal,
    IOptions<StoreOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromSeconds(10);

    private TimeSpan Lease => options.Value.OutboxLease;

    /// <summary>Publishes every pending record and sighting now; returns how many.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken) =>
        await DispatchLaneAsync(OutboxLanes.Records, PublishRecordAsync, cancellationToken)
        + await DispatchLaneAsync(OutboxLanes.Sightings, PublishSightingAsync, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publish only once the bus (started by another hosted service) is up.
        using (var started = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stoppingToken))
        {
            await Task.Delay(Timeout.Infinite, started.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var backOff = PollInterval;
        DateTimeOffset? failingSince = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                if (failingSince is { } since)
                {
                    logger.LogInformation("Publishing stored records works again after {Downtime}", DateTimeOffset.UtcNow - since);
                    failingSince = null;
                    backOff = PollInterval;
                }

                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (failingSince is null)
                {
                    failingSince = DateTimeOffset.UtcNow;
                    logger.LogWarning("Publishing stored records fails; they stay in the outbox and are retried until it works: {Reason}", FaultReason.Of(ex));
                }

                await Task.Delay(backOff, stoppingToken);
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, LongestBackOff.Ticks));
            }
        }
    }

    private async Task<int> DispatchLaneAsync<T>(OutboxLane<T> lane, Func<T, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var claimed = await outbox.ClaimAsync(lane, BatchSize, Lease, cancellationToken);
            var published = 0;
            var clock = Stopwatch.StartNew();
            try
            {
                foreach (var message in claimed)
                {
                    // Past half the lease, the rest go back: no other replica may take a row this one still publishes.
                    if (clock.Elapsed > Lease / 2)
                    {
                        break;
                    }

                    using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                    {
                        attempt.CancelAfter(Lease / 4);
                        await publish(message, attempt.Token);
                    }

                    await MarkPublishedAsync(lane, lane.KeyOf(message), cancellationToken);
                    published++;
                }
            }
            finally
            {
                await ReleaseAsync(lane, [.. claimed.Skip(published).Select(lane.KeyOf)]);
            }

            total += published;
            if (claimed.Count < BatchSize || published < claimed.Count)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// The broker has the message: marking it is waited out through a database outage (the lease keeps other replicas
    /// off the row meanwhile), because giving up here is what would publish it twice.
    /// </summary>
    private async Task MarkPublishedAsync<T>(OutboxLane<T> lane, Guid key, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromMilliseconds(200);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await outbox.MarkPublishedAsync(lane, key, cancellationToken);
                return;
            }
            catch (Exception ex) when (TransientFaults.IsTransient(ex) && deadline.Elapsed < Lease * 10)
            {
                logger.LogDebug("Marking {ArticleId} published waits for the database: {Reason}", key, FaultReason.Of(ex));
                await Task.Delay(wait, cancellationToken);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestBackOff.Ticks));
            }
        }
    }

    private async Task ReleaseAsync<T>(OutboxLane<T> lane, IReadOnlyCollection<Guid> keys)
    {
        try
        {
            await outbox.ReleaseAsync(lane, keys, CancellationToken.None);
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex))
        {
            // Their lease runs out instead.
            logger.LogDebug("Could not give back {Count} leased {Lane}: {Reason}", keys.Count, lane.Name, FaultReason.Of(ex));
        }
    }

    private async Task PublishRecordAsync(ArticleStored record, CancellationToken cancellationToken)
    {
        await bus.Publish(record, context => context.MessageId = record.ArticleId, cancellationToken);
        logger.LogInformation("Published article {ArticleId} to {Exchange} as {RoutingKey}", record.ArticleId, ArticleTopic.Exchange, ArticleTopic.RoutingKey(record));
    }

    private async Task PublishSightingAsync(ArticleUpdated update, CancellationToken cancellationToken)
    {
        await bus.Publish(update, context => context.MessageId = update.ArticleId, cancellationToken);
        logger.LogInformation("Published sighting {ArticleId} of story {StoryId} to {Exchange} as {RoutingKey}", update.ArticleId, update.StoryId, ArticleTopic.Exchange, ArticleTopic.RoutingKey(update));
    }
}
