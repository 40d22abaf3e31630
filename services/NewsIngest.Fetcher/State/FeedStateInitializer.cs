using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Sources;

namespace NewsIngest.Fetcher.State;

/// <summary>Before the fetch loop starts: brings the state schema up to date and registers the configured and OPML feeds.</summary>
public sealed class FeedStateInitializer(
    FeedStateStore store,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<FeedStateInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.State.Provider == FeedStateProvider.Memory)
        {
            logger.LogWarning("Fetcher state is kept in memory and lost on restart; set Fetcher:State:Provider to Postgres or Sqlite to keep it");
        }

        var schema = await store.MigrateAsync(cancellationToken);
        var feeds = settings.Feeds.Select(feed => (feed.Url, feed.Interval)).ToList();
        if (settings.OpmlPath is { } opml)
        {
            var outlines = OpmlReader.Read(opml);
            logger.LogInformation("Read {FeedCount} feeds from OPML file {OpmlPath}", outlines.Count, opml);
            feeds.AddRange(outlines.Select(url => (url, (TimeSpan?)null)));
        }

        foreach (var (url, interval) in feeds.DistinctBy(feed => feed.Url))
        {
            await store.AddAsync(url, interval, clock.GetUtcNow(), cancellationToken);
        }

        logger.LogInformation("Fetcher state ({StateProvider}) is at schema version {SchemaVersion}; {FeedCount} feeds configured", store.Provider, schema.Version, feeds.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
