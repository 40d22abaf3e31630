using Microsoft.Extensions.Options;

namespace NewsIngest.Fetcher.Polling;

/// <summary>Polls the feeds that are due; then waits a short while. (The inbox has its own loop: <see cref="Inbox.InboxLoop"/>.)</summary>
public sealed class FetchLoop(
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
            "Fetching feeds (default interval {PollInterval}) as {LeaseOwner}", settings.PollInterval, feeds.Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
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
