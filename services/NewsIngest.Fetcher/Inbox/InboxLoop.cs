using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Polling;
using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Inbox;

/// <summary>
/// Scans the inbox on its own loop, every <see cref="FetcherOptions.InboxScanInterval"/>, so a slow feed poll never
/// holds up a dropped file. A scan that fails unexpectedly is one ERROR line; the loop goes on.
/// </summary>
public sealed class InboxLoop(
    InboxScanner inbox,
    IFetchedItemPublisher publisher,
    FetchProgress progress,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<InboxLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await publisher.WaitUntilReadyAsync(stoppingToken); // hosted services start in order: the bus may start after this loop
        logger.LogInformation("Scanning inbox {InboxPath} every {InboxScanInterval}", settings.InboxPath ?? "(none)", settings.InboxScanInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await inbox.ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Inbox scan of {InboxPath} failed; scanning again in {InboxScanInterval}", settings.InboxPath, settings.InboxScanInterval);
            }

            progress.CompleteInboxPass();
            await Task.Delay(settings.InboxScanInterval, clock, stoppingToken);
        }
    }
}
