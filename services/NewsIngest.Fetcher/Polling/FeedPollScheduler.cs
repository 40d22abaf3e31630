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
        var slots = new PollSlots();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var upkeep = KeepLeasesAsync(settings.State.LeaseDuration, stopping.Token);
        Task<bool>? waiting = null;
        var published = 0;
        var caughtUp = false;
        var nextCheck = DateTimeOffset.MinValue;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                var free = settings.MaxConcurrentPolls - slots.Count;
                if (free > 0 && (!caughtUp || now >= nextCheck || slots.SoonestNextPoll <= now))
                {
                    caughtUp = await FillSlotsAsync(slots, now, free, cancellationToken);
                    nextCheck = now + settings.FeedCheckInterval;
                }

                if (slots.PassCompleted())
                {
                    // Nothing more was due when the scheduler last caught up, and every feed claimed by then has been polled.
                    progress.CompletePass();
                    if (untilCaughtUp)
                    {
                        break;
                    }
                }

                waiting ??= slots.WaitForFinishedAsync(cancellationToken);
                await SleepAsync(waiting, Wake(slots, caughtUp, nextCheck), cancellationToken);
                if (waiting.IsCompleted)
                {
                    waiting = null;
                    published += slots.Collect();
                    Volatile.Write(ref _inFlight, slots.Count);
                }
            }
        }
        finally
        {
            await slots.AllFinishedAsync();
            await stopping.CancelAsync();
            await upkeep;
            await LeaveAsync();
        }

        return published + slots.Collect();
    }

    /// <summary>Claims up to <paramref name="free"/> due feeds and starts their polls; true when that caught up (fewer were due, or the claim failed).</summary>
    private async Task<bool> FillSlotsAsync(PollSlots slots, DateTimeOffset now, int free, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(now, options.Value.State.LeaseDuration, free, cancellationToken);
        slots.ForgetDueBy(now);
        foreach (var feed in claimed ?? [])
        {
            slots.Start((number, finished) => PollOneAsync(number, feed, finished, cancellationToken));
        }

        Volatile.Write(ref _inFlight, slots.Count);
        var caughtUp = claimed is null || claimed.Count < free;
        if (caughtUp)
        {
            slots.CaughtUp();
        }

        return caughtUp;
    }

    /// <summary>Waits for a poll to finish, at most <paramref name="timeout"/> when one is given (and none has finished yet).</summary>
    private async Task SleepAsync(Task<bool> waiting, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (timeout is { } limit && !waiting.IsCompleted)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(waiting, Task.Delay(limit, clock, timer.Token));
            await timer.CancelAsync();
        }
        else
        {
            await Task.WhenAny(waiting);
        }
    }

    /// <summary>
    /// How long to sleep unless a poll ends first: null (until one ends) when every slot is busy or more is due; else until
    /// the soonest next poll of the feeds polled, at most until the next check, rounded up to the next millisecond and
    /// one more (a timer fires on a millisecond tick, a fraction early at times, and a wake a hair early finds nothing
    /// due and sleeps the whole check interval).
    /// </summary>
    private TimeSpan? Wake(PollSlots slots, bool caughtUp, DateTimeOffset nextCheck)
    {
        if (slots.Count > 0 && (slots.Count >= options.Value.MaxConcurrentPolls || !caughtUp))
        {
            return null;
        }

        var wakeAt = slots.SoonestNextPoll is { } soonest && soonest < nextCheck ? soonest : nextCheck;
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
