using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Inbox;

namespace NewsIngest.Fetcher.Polling;

/// <summary>Reads every source in turn: the inbox, then the feeds that are due; then waits a short while.</summary>
public sealed class FetchLoop(
    InboxScanner inbox,
    FeedPollCycle feeds,
    FetchProgress progress,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<FetchLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation(
            "Fetching feeds (default interval {PollInterval}) and inbox {InboxPath} every {InboxScanInterval} as {LeaseOwner}",
            settings.PollInterval, settings.InboxPath ?? "(none)", settings.InboxScanInterval, feeds.Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            await inbox.ScanAsync(stoppingToken);
            try
            {
                await feeds.RunAsync(stoppingToken);
            }
            catch (System.Data.Common.DbException ex)
            {
                // The state database is away: no feed can be claimed or saved; try again on the next pass.
                logger.LogError(ex, "Feed state database failed; feeds are polled again once it answers");
            }

            progress.CompletePass();
            await Task.Delay(settings.InboxScanInterval, clock, stoppingToken);
        }
    }
}
