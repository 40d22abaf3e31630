using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

public sealed class FeedPollerConditionalTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Poll_ServerAnswers304ToValidators_SendsThemAndPublishesNothing()
    {
        // Arrange
        const string etag = "\"rev-7\"";
        const string modified = "Wed, 25 Nov 2026 10:00:00 GMT";
        _server.Map("/feed.xml", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = modified;
            context.Response.ContentType = TestFeeds.RssType;
            await context.Response.WriteAsync(TestFeeds.Rss(3));
        });
        await using var fetcher = await FetcherHarness.StartAsync();
        var url = _server.UrlFor("/feed.xml");
        var first = await fetcher.PollAsync(url);

        // Act
        var second = await fetcher.PollAsync(url);

        // Assert
        (first.HttpStatus, first.NewItems).ShouldBe((200, 3));
        (second.HttpStatus, second.NewItems, second.Succeeded).ShouldBe((304, 0, true));
        fetcher.Published.Items.Count.ShouldBe(3);
        var conditional = _server.RequestsTo("/feed.xml")[1].Headers;
        conditional["If-None-Match"].ShouldBe(etag);
        conditional["If-Modified-Since"].ShouldBe(modified);
    }

    [Fact]
    public async Task Poll_ETagChanges_StoresAndSendsTheNewOne()
    {
        // Arrange
        var revision = 1;
        _server.Map("/feed.xml", async context =>
        {
            context.Response.Headers.ETag = $"\"r{revision}\"";
            context.Response.ContentType = TestFeeds.RssType;
            await context.Response.WriteAsync(TestFeeds.Rss(revision));
        });
        await using var fetcher = await FetcherHarness.StartAsync();
        var url = _server.UrlFor("/feed.xml");
        await fetcher.PollAsync(url);
        revision = 2;

        // Act
        var second = await fetcher.PollAsync(url);
        await fetcher.PollAsync(url);

        // Assert
        second.NewItems.ShouldBe(1);
        var requests = _server.RequestsTo("/feed.xml");
        requests[0].Headers.ContainsKey("If-None-Match").ShouldBeFalse();
        requests[1].Headers["If-None-Match"].ShouldBe("\"r1\"");
        requests[2].Headers["If-None-Match"].ShouldBe("\"r2\"");
        (await fetcher.StateAsync(url)).ETag.ShouldBe("\"r2\"");
    }

    [Fact]
    public async Task Poll_SameItemsAgainWithoutValidators_PublishesOnlyNewOnes()
    {
        // Arrange
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(2));
        await using var fetcher = await FetcherHarness.StartAsync();
        var url = _server.UrlFor("/feed.xml");
        await fetcher.PollAsync(url);
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(5));

        // Act
        var second = await fetcher.PollAsync(url);

        // Assert
        (second.NewItems, second.SeenItems).ShouldBe((3, 2));
        fetcher.Published.Items.Select(item => item.Title).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task Poll_Succeeds_LogsOneInformationLineWithTheOperatorProperties()
    {
        // Arrange
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(2));
        await using var fetcher = await FetcherHarness.StartAsync();
        var url = _server.UrlFor("/feed.xml");

        // Act
        var result = await fetcher.PollAsync(url);

        // Assert
        var line = fetcher.LogsAt(LogLevel.Information).Single(record => record.Category?.EndsWith("FeedPoller", StringComparison.Ordinal) == true);
        var properties = line.StructuredState!.ToDictionary(pair => pair.Key, pair => pair.Value);
        properties["FeedUrl"].ShouldBe(url.ToString());
        properties["HttpStatus"].ShouldBe("200");
        properties["NewItems"].ShouldBe("2");
        properties["SeenItems"].ShouldBe("0");
        properties.ShouldContainKey("ElapsedMs");
        DateTimeOffset.Parse(properties["NextPoll"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(result.NextPoll, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Poll_FeedWithBrokenItem_PublishesTheGoodOnes()
    {
        // Arrange
        const string feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Market</title>
            <item><guid>a</guid><title>Stall four opens</title><link>http://market.example.org/4</link></item>
            <item><guid>b</guid><title>Broken <b>item & stray</title><pubDate>next week</pubDate></item>
            <item><guid>c</guid><title>Lanterns tonight</title><link>http://market.example.org/lanterns</link></item>
            </channel></rss>
            """;
        _server.MapResponse("/market.xml", StaticResponse.Text(feed, TestFeeds.RssType));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/market.xml"));

        // Assert
        result.Succeeded.ShouldBeTrue();
        fetcher.Published.Items.Select(item => item.Title).ShouldContain("Stall four opens");
        fetcher.Published.Items.Select(item => item.Title).ShouldContain("Lanterns tonight");
    }
}
