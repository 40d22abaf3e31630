using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Inbox;

namespace NewsIngest.Fetcher.Polling;

/// <summary>Reads every source in turn: the inbox often, each feed once per poll interval.</summary>
public sealed class FetchLoop(
    InboxScanner inbox,
    FeedPoller feeds,
    FetchProgress progress,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<FetchLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Fetching {FeedCount} feeds every {PollInterval} and inbox {InboxPath} every {InboxScanInterval}", settings.Feeds.Count, settings.PollInterval, settings.InboxPath ?? "(none)", settings.InboxScanInterval);
        var nextPoll = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = await inbox.ScanAsync(stoppingToken);
            if (clock.GetUtcNow() >= nextPoll)
            {
                nextPoll = clock.GetUtcNow() + settings.PollInterval;
                foreach (var feed in settings.Feeds)
                {
                    published += await feeds.PollAsync(feed.Url, stoppingToken);
                }
            }

            progress.CompletePass(published);
            await Task.Delay(settings.InboxScanInterval, clock, stoppingToken);
        }
    }
}
