using System.Data.Common;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// One pass over the feeds that are due: claim a batch under a short lease (so no other replica polls them), poll
/// them with bounded parallelism while the leases are renewed, repeat until none is due. Bounded: at most as many
/// batches as there were feeds due. One feed's failure is logged and skipped; the batch goes on.
/// </summary>
public sealed class FeedPollCycle(FeedStateStore store, FeedPoller poller, IOptions<FetcherOptions> options, TimeProvider clock, ILogger<FeedPollCycle> logger)
{
    private const int BatchSize = 100;
    private bool _ownLeasesReleased;

    /// <summary>Names this replica in the leases it takes: stable across restarts (<see cref="FeedStateOptions.InstanceId"/>, else the host name).</summary>
    public string Owner { get; } = options.Value.State.InstanceId ?? Environment.MachineName;

    /// <returns>Items published, and the earliest next poll among the feeds this pass polled.</returns>
    public async Task<FeedPass> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await ReleaseLeasesFromBeforeRestartAsync(cancellationToken);
        var published = 0;
        var earliest = DateTimeOffset.MaxValue.UtcTicks;
        var polled = new HashSet<string>(StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = await store.ClaimDueAsync(Owner, clock.GetUtcNow(), settings.State.LeaseDuration, BatchSize, cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            var fresh = due.Where(feed => polled.Add(feed.FeedId)).ToList();
            using (var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var renewing = RenewWhilePollingAsync(settings.State.LeaseDuration, renewal.Token);
                try
                {
                    await Parallel.ForEachAsync(
                        due,
                        new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentPolls, CancellationToken = cancellationToken },
                        async (feed, token) =>
                        {
                            var result = await PollOneAsync(feed, token);
                            Interlocked.Add(ref published, result.Published);
                            if (result.NextPoll is { } next)
                            {
                                InterlockedMin(ref earliest, next.UtcTicks);
                            }
                        });
                }
                finally
                {
                    await renewal.CancelAsync();
                    await renewing;
                }
            }

            if (due.Count < BatchSize || fresh.Count == 0)
            {
                break;
            }
        }

        return new FeedPass(published, earliest == DateTimeOffset.MaxValue.UtcTicks ? null : new DateTimeOffset(earliest, TimeSpan.Zero));
    }

    private static void InterlockedMin(ref long target, long value)
    {
        for (var current = Volatile.Read(ref target); value < current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    private async Task<(int Published, DateTimeOffset? NextPoll)> PollOneAsync(FeedState feed, CancellationToken cancellationToken)
    {
        try
        {
            var result = await poller.PollAsync(feed, Owner, cancellationToken);
            return (result.NewItems, result.NextPoll);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not DbException)
        {
            // The poller turns a failed poll into a feed error itself; this is the last guard, so one feed can never stop the others.
            logger.LogError(ex, "Poll of feed {FeedUrl} failed unexpectedly and was skipped: {Reason}", feed.FeedUrl, ex.Message);
            return (0, null);
        }
    }

    /// <summary>A replica that died held its feeds under this same owner: it takes them back at once instead of waiting for the leases to run out.</summary>
    private async Task ReleaseLeasesFromBeforeRestartAsync(CancellationToken cancellationToken)
    {
        if (_ownLeasesReleased)
        {
            return;
        }

        var released = await store.ReleaseAsync(Owner, cancellationToken);
        _ownLeasesReleased = true;
        if (released > 0)
        {
            logger.LogInformation("Took back {FeedCount} feeds leased to {LeaseOwner} before a restart", released, Owner);
        }
    }

    private async Task RenewWhilePollingAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease / 3, clock, cancellationToken);
                await store.RenewAsync(Owner, clock.GetUtcNow(), lease, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException ex)
            {
                logger.LogWarning("Could not renew the leases of {LeaseOwner} ({Reason}); another replica may take over feeds polled now", Owner, ex.Message);
            }
        }
    }
}

/// <summary>What one <see cref="FeedPollCycle.RunAsync"/> did: items published, and when the soonest of the feeds it polled is due again.</summary>
public sealed record FeedPass(int Published, DateTimeOffset? EarliestNextPoll);
