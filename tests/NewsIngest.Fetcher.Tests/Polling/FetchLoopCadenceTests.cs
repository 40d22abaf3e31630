using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>
/// The feed loop looks for due feeds every <see cref="FetcherOptions.FeedCheckInterval"/>, not at the inbox's pace:
/// it used to sleep the inbox scan interval (2 s by default) between passes, so a feed due every second was polled
/// every two, and every new item waited up to a second more than its feed's interval.
/// </summary>
public sealed class FetchLoopCadenceTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Loops_FeedDueEverySecondWithASlowInboxScan_IsPolledAtItsOwnInterval()
    {
        // Arrange: an inbox scanned every 10 minutes must not hold the feeds to that pace.
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(1));
        _server.MapResponse("/robots.txt", StaticResponse.Status(404));
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Fetcher:PollInterval"] = "00:00:01",
            ["Fetcher:InboxScanInterval"] = "00:10:00",
            ["Fetcher:FeedCheckInterval"] = "00:00:00.100",
        });
        await fetcher.AddFeedAsync(_server.UrlFor("/feed.xml"));

        // Act
        await fetcher.RunLoopsAsync();

        // Assert: three polls come long before the inbox's second scan would have let a second one happen.
        await Eventually.UntilAsync(() => Task.FromResult(_server.RequestCount("/feed.xml") >= 3), TimeSpan.FromSeconds(60), "the feed is polled three times");
        fetcher.Published.Items.Count(item => item.FeedUrl != null).ShouldBe(1, "the feed's one item is published once, however often it is polled");
    }

    [Fact]
    public async Task Loops_FeedDueSoonerThanTheCheckInterval_IsPolledWhenDue()
    {
        // Arrange: a check interval of a minute allows one poll in this test's deadline; the loop wakes when the feed is due
        // (it once woke a fraction of a millisecond early now and then, found nothing due and slept the minute).
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(1));
        _server.MapResponse("/robots.txt", StaticResponse.Status(404));
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Fetcher:PollInterval"] = "00:00:00.200",
            ["Fetcher:InboxScanInterval"] = "00:10:00",
            ["Fetcher:FeedCheckInterval"] = "00:01:00",
        });
        await fetcher.AddFeedAsync(_server.UrlFor("/feed.xml"));

        // Act
        await fetcher.RunLoopsAsync();

        // Assert
        await Eventually.UntilAsync(() => Task.FromResult(_server.RequestCount("/feed.xml") >= 3), TimeSpan.FromSeconds(60), "the feed is polled three times");
        fetcher.Published.Items.Count(item => item.FeedUrl != null).ShouldBe(1);
    }
}
