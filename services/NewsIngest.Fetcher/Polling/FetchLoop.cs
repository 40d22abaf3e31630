using System.Data.Common;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Polls the feeds that are due; then waits until the soonest of the feeds it polled is due again, at most
/// <see cref="FetcherOptions.FeedCheckInterval"/> (feeds added or released by others are found then), and looks again
/// (the inbox has its own loop: <see cref="Inbox.InboxLoop"/>). A feed is so polled on time, not up to a check interval
/// late: that wait was a quarter of a second of the item-to-topic latency of a feed polled every second.
/// A failure of one pass (the state database away, a fault of ours) is one log line; the loop goes on with the next pass.
/// </summary>
public sealed class FetchLoop(
    FeedPollCycle feeds,
    IFetchedItemPublisher publisher,
    FetchProgress progress,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<FetchLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await publisher.WaitUntilReadyAsync(stoppingToken); // hosted services start in order: the bus may start after this loop
        logger.LogInformation(
            "Fetching feeds (default interval {PollInterval}) as {LeaseOwner}", settings.PollInterval, feeds.Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = await GuardAsync("feed poll", () => feeds.RunAsync(stoppingToken), stoppingToken);
            progress.CompletePass();
            await Task.Delay(WaitAfter(pass, settings.FeedCheckInterval), clock, stoppingToken);
        }
    }

    /// <summary>
    /// Until the soonest feed of the pass is due, rounded up to the next millisecond and one more (a timer fires on a
    /// millisecond tick, a fraction early at times, and a pass a hair early finds nothing due and sleeps the whole check
    /// interval), at most <paramref name="checkInterval"/>; that when the pass polled nothing.
    /// </summary>
    private TimeSpan WaitAfter(FeedPass? pass, TimeSpan checkInterval)
    {
        if (pass?.EarliestNextPoll is not { } next)
        {
            return checkInterval;
        }

        var untilDue = TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(0, (next - clock.GetUtcNow()).TotalMilliseconds)) + 1);
        return untilDue < checkInterval ? untilDue : checkInterval;
    }

    private async Task<FeedPass?> GuardAsync(string pass, Func<Task<FeedPass>> run, CancellationToken stoppingToken)
    {
        try
        {
            return await run();
        }
        catch (DbException ex)
        {
            // The state database is away: no feed can be claimed or saved; leases run out within seconds. Try again on the next pass.
            logger.LogError("Feed state database failed during the {FetchPass}; tried again on the next pass: {Reason}", pass, ex.Message);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The {FetchPass} failed unexpectedly; tried again on the next pass: {Reason}", pass, ex.Message);
        }

        return null;
    }
}
