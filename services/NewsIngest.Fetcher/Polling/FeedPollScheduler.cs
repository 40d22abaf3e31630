using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Polls each feed again as soon as it is due, independently of the others: up to
/// <see cref="FetcherOptions.MaxConcurrentPolls"/> polls are in flight, and a slot that frees is refilled at once with
/// the next due feed, claimed under a short lease (so no other replica polls it) that is renewed while it is polled.
/// A slow feed so holds one slot, not every other feed's next poll: the batch this replaced claimed up to 100 due feeds
/// and waited for the slowest of them before it claimed again. When nothing is due the scheduler sleeps until the
/// soonest next poll among the feeds it polled, at most <see cref="FetcherOptions.FeedCheckInterval"/> (feeds added or
/// released by others are found then); a poll that ends wakes it only to note its feed's next poll, without a query.
/// One feed's failure is logged and skipped; a failed claim (the state database away) is one ERROR line and retried
/// after the check interval.
/// </summary>
public sealed class FeedPollScheduler(
    FeedStateStore store,
    FeedPoller poller,
    FetchProgress progress,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<FeedPollScheduler> logger)
{
    /// <summary>Longest time between two heartbeats (a third of the lease when that is shorter): how soon a replica that starts is given its share.</summary>
    private static readonly TimeSpan LongestHeartbeat = TimeSpan.FromSeconds(1);

    private bool _ownLeasesReleased;
    private int _inFlight;
    private int _liveReplicas = 1;

    /// <summary>Names this replica in the leases it takes: stable across restarts (<see cref="FeedStateOptions.InstanceId"/>, else the host name).</summary>
    public string Owner { get; } = options.Value.State.InstanceId ?? Environment.MachineName;

    /// <summary>Polls feeds as they come due until <paramref name="cancellationToken"/> is cancelled, then lets the polls under way finish.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => ScheduleAsync(untilCaughtUp: false, cancellationToken);

    /// <summary>Polls every feed that is due now (and those that come due meanwhile) once, then returns the items published.</summary>
    public Task<int> PollDueAsync(CancellationToken cancellationToken) => ScheduleAsync(untilCaughtUp: true, cancellationToken);

    private async Task<int> ScheduleAsync(bool untilCaughtUp, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await ReleaseLeasesFromBeforeRestartAsync(cancellationToken);
        await HeartbeatAsync(settings.State.LeaseDuration, cancellationToken);
        var finished = Channel.CreateUnbounded<(long Sequence, PollResult? Result)>(new UnboundedChannelOptions { SingleReader = true });
        var polls = new Dictionary<long, Task>();
        var nextPolls = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var upkeep = KeepLeasesAsync(settings.State.LeaseDuration, stopping.Token);
        Task<bool>? waiting = null;
        var published = 0;
        var sequence = 0L;
        var passEnd = -1L; // polls numbered below it were claimed by the time the scheduler last caught up; -1: no pass open
        var caughtUp = false;
        var nextCheck = DateTimeOffset.MinValue;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                var free = settings.MaxConcurrentPolls - polls.Count;
                if (free > 0 && (!caughtUp || now >= nextCheck || (nextPolls.TryPeek(out var soonest, out _) && soonest <= now)))
                {
                    var claimed = await ClaimAsync(now, settings.State.LeaseDuration, free, cancellationToken);
                    nextCheck = now + settings.FeedCheckInterval;
                    while (nextPolls.TryPeek(out var due, out _) && due <= now)
                    {
                        nextPolls.Dequeue(); // claimed now, or by another replica
                    }

                    foreach (var feed in claimed ?? [])
                    {
                        var number = sequence++;
                        polls[number] = PollOneAsync(number, feed, finished.Writer, cancellationToken);
                    }

                    Volatile.Write(ref _inFlight, polls.Count);
                    caughtUp = claimed is null || claimed.Count < free;
                    if (caughtUp && passEnd < 0)
                    {
                        passEnd = sequence;
                    }
                }

                if (passEnd >= 0 && !polls.Keys.Any(number => number < passEnd))
                {
                    // Nothing more was due when the scheduler last caught up, and every feed claimed by then has been polled.
                    passEnd = -1;
                    progress.CompletePass();
                    if (untilCaughtUp)
                    {
                        break;
                    }
                }

                waiting ??= finished.Reader.WaitToReadAsync(cancellationToken).AsTask();
                if (Wake(polls.Count, caughtUp, nextCheck, nextPolls) is { } timeout && !waiting.IsCompleted)
                {
                    using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    await Task.WhenAny(waiting, Task.Delay(timeout, clock, timer.Token));
                    await timer.CancelAsync();
                }
                else
                {
                    await Task.WhenAny(waiting);
                }

                if (waiting.IsCompleted)
                {
                    waiting = null;
                    published += Collect(finished.Reader, polls, nextPolls);
                    Volatile.Write(ref _inFlight, polls.Count);
                }
            }
        }
        finally
        {
            await Task.WhenAll(polls.Values);
            await stopping.CancelAsync();
            await upkeep;
            await LeaveAsync();
        }

        return published + Collect(finished.Reader, polls, nextPolls);
    }

    /// <summary>The polls that ended: out of the slots, their feeds' next polls noted; the items they published.</summary>
    private static int Collect(ChannelReader<(long Sequence, PollResult? Result)> finished, Dictionary<long, Task> polls, PriorityQueue<DateTimeOffset, DateTimeOffset> nextPolls)
    {
        var published = 0;
        while (finished.TryRead(out var done))
        {
            polls.Remove(done.Sequence);
            if (done.Result is { } result)
            {
                published += result.NewItems;
                nextPolls.Enqueue(result.NextPoll, result.NextPoll);
            }
        }

        return published;
    }

    /// <summary>
    /// How long to sleep unless a poll ends first: null (until one ends) when every slot is busy or more is due; else until
    /// the soonest next poll of the feeds polled, at most until the next check, rounded up to the next millisecond and
    /// one more (a timer fires on a millisecond tick, a fraction early at times, and a wake a hair early finds nothing
    /// due and sleeps the whole check interval).
    /// </summary>
    private TimeSpan? Wake(int inFlight, bool caughtUp, DateTimeOffset nextCheck, PriorityQueue<DateTimeOffset, DateTimeOffset> nextPolls)
    {
        if (inFlight > 0 && (inFlight >= options.Value.MaxConcurrentPolls || !caughtUp))
        {
            return null;
        }

        var wakeAt = nextPolls.TryPeek(out var soonest, out _) && soonest < nextCheck ? soonest : nextCheck;
        return TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(0, (wakeAt - clock.GetUtcNow()).TotalMilliseconds)) + 1);
    }

    private async Task<IReadOnlyList<FeedState>?> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ClaimDueAsync(Owner, now, lease, limit, Volatile.Read(ref _liveReplicas), cancellationToken);
        }
        catch (DbException ex)
        {
            // The state database is away: no feed can be claimed or saved; leases run out within seconds. Tried again at the next check.
            logger.LogError("Feed state database failed while claiming due feeds; tried again in {FeedCheckInterval}: {Reason}", options.Value.FeedCheckInterval, ex.Message);
            return null;
        }
    }

    private async Task PollOneAsync(long sequence, FeedState feed, ChannelWriter<(long, PollResult?)> finished, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the scheduler goes on claiming while this poll runs
        PollResult? result = null;
        try
        {
            result = await poller.PollAsync(feed, Owner, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (DbException ex)
        {
            logger.LogError("Feed state database failed while polling feed {FeedUrl}; its lease runs out and it is polled again: {Reason}", feed.FeedUrl, ex.Message);
        }
        catch (Exception ex)
        {
            // The poller turns a failed poll into a feed error itself; this is the last guard, so one feed can never stop the others.
            logger.LogError(ex, "Poll of feed {FeedUrl} failed unexpectedly and was skipped: {Reason}", feed.FeedUrl, ex.Message);
        }

        finished.TryWrite((sequence, result));
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

    /// <summary>
    /// Every third of a lease (at most <see cref="LongestHeartbeat"/>): this replica's heartbeat, which tells it how many
    /// replicas share the feeds, and, while polls are in flight, the leases of the feeds being polled extended.
    /// </summary>
    private async Task KeepLeasesAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var tick = lease / 3 < LongestHeartbeat ? lease / 3 : LongestHeartbeat;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(tick, clock, cancellationToken);
                await HeartbeatAsync(lease, cancellationToken);
                if (Volatile.Read(ref _inFlight) > 0)
                {
                    await store.RenewAsync(Owner, clock.GetUtcNow(), lease, cancellationToken);
                }
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

    /// <summary>This replica alive for a lease more; the live replicas noted for the next claims.</summary>
    private async Task HeartbeatAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var live = await store.HeartbeatAsync(Owner, clock.GetUtcNow(), lease, cancellationToken);
        if (Interlocked.Exchange(ref _liveReplicas, Math.Max(1, live)) != Math.Max(1, live))
        {
            logger.LogInformation("{LiveReplicas} fetcher replicas share the feeds; {LeaseOwner} claims at most its share of the due feeds", Math.Max(1, live), Owner);
        }
    }

    private async Task LeaveAsync()
    {
        try
        {
            await store.LeaveAsync(Owner, CancellationToken.None);
        }
        catch (DbException ex)
        {
            logger.LogWarning("Could not remove the heartbeat of {LeaseOwner} ({Reason}); the others give it a share until it runs out", Owner, ex.Message);
        }
    }
}
