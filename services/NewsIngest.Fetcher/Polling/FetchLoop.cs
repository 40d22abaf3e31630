using System.Data.Common;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Runs the <see cref="FeedPollScheduler"/> once the bus is ready: each feed is polled as soon as it is due (the inbox
/// has its own loop: <see cref="Inbox.InboxLoop"/>). Should the scheduler fail unexpectedly (a fault of ours), that is
/// one ERROR line and it starts again after <see cref="FetcherOptions.FeedCheckInterval"/>.
/// </summary>
public sealed class FetchLoop(
    FeedPollScheduler feeds,
    IFetchedItemPublisher publisher,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<FetchLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await publisher.WaitUntilReadyAsync(stoppingToken); // hosted services start in order: the bus may start after this loop
        logger.LogInformation(
            "Fetching feeds (default interval {PollInterval}, up to {MaxConcurrentPolls} polls at once) as {LeaseOwner}",
            settings.PollInterval, settings.MaxConcurrentPolls, feeds.Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await feeds.RunAsync(stoppingToken);
            }
            catch (DbException ex)
            {
                logger.LogError("Feed state database failed in the feed scheduler; it starts again: {Reason}", ex.Message);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The feed scheduler failed unexpectedly; it starts again: {Reason}", ex.Message);
            }

            if (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(settings.FeedCheckInterval, clock, stoppingToken);
            }
        }
    }
}
