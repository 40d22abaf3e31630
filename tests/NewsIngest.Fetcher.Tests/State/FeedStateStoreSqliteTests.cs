using NewsIngest.Data;
using NewsIngest.Fetcher.State;
using NewsIngest.Fetcher.Tests.Polling;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.State;

/// <summary>The all-in-one mode keeps state in a SQLite file: it too survives a restart.</summary>
public sealed class FeedStateStoreSqliteTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"fetcher-state-{Guid.NewGuid():N}.db");
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task Poll_AfterRestart_DoesNotRepublishSeenItems()
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            ["Fetcher:State:Provider"] = "Sqlite",
            ["Fetcher:State:ConnectionString"] = $"Data Source={_file};Pooling=False",
        };
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(2));
        var url = _server.UrlFor("/feed.xml");
        await using (var before = await FetcherHarness.StartAsync(settings))
        {
            await before.PollAsync(url);
        }

        // Act
        await using var after = await FetcherHarness.StartAsync(settings);
        var result = await after.PollAsync(url);

        // Assert
        (result.NewItems, result.SeenItems).ShouldBe((0, 2));
        after.Published.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task SetPaused_ThenResumed_FeedIsDueAgainWithNoErrors()
    {
        // Arrange
        await using var store = new FeedStateStore(SqlDialect.Sqlite($"Data Source={_file};Pooling=False", writeAheadLog: true));
        await store.MigrateAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var feed = await store.AddAsync("http://feeds.example.org/a.xml", TimeSpan.FromMinutes(2), now, CancellationToken.None);

        // Act
        await store.SetPausedAsync(feed.FeedId, paused: true, now, CancellationToken.None);
        var whilePaused = await store.ClaimDueAsync("a", now.AddDays(1), TimeSpan.FromMinutes(1), 10, CancellationToken.None);
        await store.SetPausedAsync(feed.FeedId, paused: false, now, CancellationToken.None);
        var resumed = await store.ClaimDueAsync("a", now.AddSeconds(1), TimeSpan.FromMinutes(1), 10, CancellationToken.None);

        // Assert
        whilePaused.ShouldBeEmpty();
        resumed.Single().Interval.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Seen_AWholeFeedOfKeysAtOnce_FindsExactlyTheRecordedOnes()
    {
        await using var store = new FeedStateStore(SqlDialect.Sqlite($"Data Source={_file};Pooling=False"));
        await store.MigrateAsync(CancellationToken.None);

        await SeenKeysScenario.RunAsync(store);
    }
}
