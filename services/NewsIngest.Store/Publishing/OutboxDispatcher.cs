using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.ServiceDefaults;
using NewsIngest.ServiceDefaults.Reliability;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Telemetry;

namespace NewsIngest.Store.Publishing;

/// <summary>
/// Publishes the outbox to the <c>news.articles</c> topic on every store replica: records (<c>article.stored</c>), then
/// sightings of published stories (<c>article.updated</c>), through one loop, one message at a time, each marked
/// published as soon as the broker confirms it; the message id is the article id. So a crash repeats at most the one
/// message in flight, and an outage (database or broker) is waited out. The records this replica stores come leased to
/// it (<see cref="OutboxSignal.Offer"/>) and go out from memory; what else is pending (sightings, rows of a replica
/// that died, records whose lease ran short) is leased in batches by a claim, when something was stored that only a
/// claim publishes, and at least every <see cref="PollInterval"/>.
/// </summary>
public sealed class OutboxDispatcher(
    SqlOutbox outbox,
    IBus bus,
    OutboxSignal signal,
    IOptions<StoreOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromSeconds(10);

    private TimeSpan Lease => options.Value.OutboxLease;

    /// <summary>Claims and publishes every pending record and sighting not leased to a live dispatcher now; returns how many.</summary>
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
        var sinceClaim = Stopwatch.StartNew();
        var claim = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishOwnAsync(stoppingToken);
                if (claim || signal.TakeClaimsWanted() || sinceClaim.Elapsed >= PollInterval)
                {
                    sinceClaim.Restart();
                    claim = false;
                    await DispatchPendingAsync(stoppingToken);
                }

                if (failingSince is { } since)
                {
                    logger.LogInformation("Publishing stored records works again after {Downtime}", DateTimeOffset.UtcNow - since);
                    failingSince = null;
                    backOff = PollInterval;
                }

                if (!signal.HasOwn)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
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
                claim = true;
            }
        }
    }

    /// <summary>
    /// Publishes the records this replica stored (<see cref="OutboxSignal.Offer"/>), oldest first, at most
    /// <see cref="BatchSize"/> before the loop sees whether a claim is due (so a steady stream of them does not hold up
    /// the sightings); one past half its lease is left to a claim once the lease has run out (no other replica may take
    /// a row this one still publishes). A failed publish leaves its record leased too; the exception goes to the loop,
    /// which backs off.
    /// </summary>
    private async Task PublishOwnAsync(CancellationToken cancellationToken)
    {
        for (var taken = 0; taken < BatchSize && signal.TryTakeOwn(out var own); taken++)
        {
            if (clock.GetUtcNow() > own.LeasedUntil - (Lease / 2))
            {
                logger.LogDebug("Record {ArticleId} waited past half its lease; a claim publishes it once the lease has run out", own.Record.ArticleId);
                continue;
            }

            await PublishAndMarkAsync(OutboxLanes.Records, own.Record, PublishRecordAsync, cancellationToken);
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

                    await PublishAndMarkAsync(lane, message, publish, cancellationToken);
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

    /// <summary>Publishes one message (the attempt bounded by a quarter of the lease), then marks its row published.</summary>
    private async Task PublishAndMarkAsync<T>(OutboxLane<T> lane, T message, Func<T, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            attempt.CancelAfter(Lease / 4);
            await publish(message, attempt.Token);
        }

        await MarkPublishedAsync(lane, lane.KeyOf(message), cancellationToken);
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
        using var trace = OutboxTraces.StartPublish(record.ArticleId, "stored", out var fetchedAt);
        await bus.Publish(record, context => context.MessageId = record.ArticleId, cancellationToken);
        StoreMetrics.RecordPublished("stored", fetchedAt);
        logger.LogInformation("Published article {ArticleId} to {Exchange} as {RoutingKey}", record.ArticleId, ArticleTopic.Exchange, ArticleTopic.RoutingKey(record));
    }

    private async Task PublishSightingAsync(ArticleUpdated update, CancellationToken cancellationToken)
    {
        using var trace = OutboxTraces.StartPublish(update.ArticleId, "updated", out var fetchedAt);
        await bus.Publish(update, context => context.MessageId = update.ArticleId, cancellationToken);
        StoreMetrics.RecordPublished("updated", fetchedAt);
        logger.LogInformation("Published sighting {ArticleId} of story {StoryId} to {Exchange} as {RoutingKey}", update.ArticleId, update.StoryId, ArticleTopic.Exchange, ArticleTopic.RoutingKey(update));
    }
}
