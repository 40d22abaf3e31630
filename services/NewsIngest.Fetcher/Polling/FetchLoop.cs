using System.Data.Common;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Polls the feeds that are due; then waits <see cref="FetcherOptions.FeedCheckInterval"/> and looks again (the inbox
/// has its own loop: <see cref="Inbox.InboxLoop"/>). The wait used to be the inbox's 2 s, which held a feed polled
/// every second to one poll in two.
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
            await GuardAsync("feed poll", () => feeds.RunAsync(stoppingToken), stoppingToken);
            progress.CompletePass();
            await Task.Delay(settings.FeedCheckInterval, clock, stoppingToken);
        }
    }

    private async Task GuardAsync(string pass, Func<Task<int>> run, CancellationToken stoppingToken)
    {
        try
        {
            await run();
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
    }
}
