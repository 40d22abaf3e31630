using Microsoft.AspNetCore.Http;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>
/// A server that ignores the validators and sends the same bytes again: the fetcher does not parse them a second time
/// (<see cref="NewsIngest.Fetcher.Polling.LastPolls"/>), and never skips an item it has not seen through.
/// </summary>
public sealed class FeedPollerUnchangedBodyTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Poll_SameBytesWithoutValidators_IsNotParsedAgain()
    {
        // Arrange
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(3));
        await using var fetcher = await FetcherHarness.StartAsync();
        var url = _server.UrlFor("/feed.xml");
        var first = await fetcher.PollAsync(url);

        // Act
        var second = await fetcher.PollAsync(url);

        // Assert
        (first.HttpStatus, first.NewItems, first.BodyUnchanged).ShouldBe((200, 3, false));
        (second.HttpStatus, second.NewItems, second.SeenItems, second.BodyUnchanged, second.Succeeded).ShouldBe((200, 0, 3, true, true));
        fetcher.Published.Items.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Poll_BodyChanged_IsParsedAndPublishesOnlyTheNewItem()
    {
        // Arrange
        var count = 2;
        _server.Map("/feed.xml", async context =>
        {
            context.Response.ContentType = TestFeeds.RssType;
            await context.Response.WriteAsync(TestFeeds.Rss(count));
        });
        await using var fetcher = await FetcherHarness.StartAsync();
        var url = _server.UrlFor("/feed.xml");
        await fetcher.PollAsync(url);
        count = 3;

        // Act
        var second = await fetcher.PollAsync(url);

        // Assert
        (second.NewItems, second.SeenItems, second.BodyUnchanged).ShouldBe((1, 2, false));
        fetcher.Published.Items.Select(item => item.Title).ShouldBe(["Harbour note 1", "Harbour note 2", "Harbour note 3"], ignoreOrder: true);
    }

    [Fact]
    public async Task Poll_FeedRemovedAndAddedAgain_PublishesItsItemsAgain()
    {
        // Arrange: removing a feed forgets its seen items, so the same bytes must be read as new
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(2));
        await using var fetcher = await FetcherHarness.StartAsync();
        var url = _server.UrlFor("/feed.xml");
        var id = await fetcher.AddFeedAsync(url);
        await fetcher.PollAsync(url);
        await fetcher.Store.RemoveAsync(id, CancellationToken.None);

        // Act
        var again = await fetcher.PollAsync(url);

        // Assert
        (again.NewItems, again.BodyUnchanged).ShouldBe((2, false));
        fetcher.Published.Items.Count.ShouldBe(4);
    }
}
