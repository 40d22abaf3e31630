using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>Items count as seen only once the broker confirmed them: a refused publish leaves them for the next poll.</summary>
public sealed class FeedPollerPublishTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Poll_PublishRefused_NothingMarkedSeenAndPolledAgainSoonWithoutAnError()
    {
        // Arrange
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(3));
        var url = _server.UrlFor("/feed.xml");
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:PublishRetryDelay"] = "00:00:05" });
        fetcher.Published.FailWith = new InvalidOperationException("The message was returned by RabbitMQ");
        var before = DateTimeOffset.UtcNow;

        // Act
        var refused = await fetcher.PollAsync(url);
        var state = await fetcher.StateAsync(url);
        fetcher.Published.FailWith = null;
        var retried = await fetcher.PollAsync(url);

        // Assert
        (refused.Succeeded, refused.NewItems).ShouldBe((false, 0));
        refused.Failure.ShouldNotBeNull().ShouldContain("publish failed");
        state.ConsecutiveErrors.ShouldBe(0);
        state.NextPoll.ShouldBeLessThan(before.AddMinutes(1));
        (retried.Succeeded, retried.NewItems, retried.SeenItems).ShouldBe((true, 3, 0));
    }

    [Fact]
    public async Task Poll_PublishNeverConfirmed_GivesUpAfterThePublishTimeoutWithNothingMarkedSeen()
    {
        // Arrange
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(3));
        var url = _server.UrlFor("/feed.xml");
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:PublishTimeout"] = "00:00:01" });
        fetcher.Published.NeverConfirm = true;

        // Act: bounded by the test's own timeout; without the publish timeout the poll would never end.
        var unconfirmed = await fetcher.PollAsync(url).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        fetcher.Published.NeverConfirm = false;
        var retried = await fetcher.PollAsync(url);

        // Assert
        (unconfirmed.Succeeded, unconfirmed.NewItems).ShouldBe((false, 0));
        unconfirmed.Failure.ShouldNotBeNull().ShouldContain("publish failed");
        (retried.NewItems, retried.SeenItems).ShouldBe((3, 0));
    }

    [Fact]
    public async Task Poll_RefusedMidway_KeepsWhatWentOutAsSeen()
    {
        // Arrange
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(2));
        var url = _server.UrlFor("/feed.xml");
        await using var fetcher = await FetcherHarness.StartAsync();
        (await fetcher.PollAsync(url)).NewItems.ShouldBe(2);
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(4));
        fetcher.Published.FailWith = new InvalidOperationException("broker away");

        // Act
        var refused = await fetcher.PollAsync(url);
        fetcher.Published.FailWith = null;
        var retried = await fetcher.PollAsync(url);

        // Assert
        refused.SeenItems.ShouldBe(2);
        (retried.NewItems, retried.SeenItems).ShouldBe((2, 2));
    }
}
