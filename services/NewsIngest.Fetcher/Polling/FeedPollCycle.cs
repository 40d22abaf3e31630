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

    /// <returns>Items published.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await ReleaseLeasesFromBeforeRestartAsync(cancellationToken);
        var published = 0;
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
                        async (feed, token) => Interlocked.Add(ref published, await PollOneAsync(feed, token)));
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

        return published;
    }

    private async Task<int> PollOneAsync(FeedState feed, CancellationToken cancellationToken)
    {
        try
        {
            return (await poller.PollAsync(feed, Owner, cancellationToken)).NewItems;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not DbException)
        {
            // The poller turns a failed poll into a feed error itself; this is the last guard, so one feed can never stop the others.
            logger.LogError(ex, "Poll of feed {FeedUrl} failed unexpectedly and was skipped: {Reason}", feed.FeedUrl, ex.Message);
            return 0;
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
