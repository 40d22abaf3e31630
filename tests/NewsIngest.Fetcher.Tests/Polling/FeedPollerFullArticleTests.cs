using System.Text;
using Microsoft.Extensions.Logging;
using NewsIngest.Contracts;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

public sealed class FeedPollerFullArticleTests : IAsyncLifetime
{
    private const string Page = "<html><head><title>Tides</title></head><body><article><p>The full story of the spring tides.</p></article></body></html>";

    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Poll_AutoAndShortItem_PublishesThePageAsHtml()
    {
        // Arrange
        MapFeed("A short note about tides.");
        _server.MapResponse("/articles/1", StaticResponse.Text(Page, "text/html; charset=iso-8859-1"));
        await using var fetcher = await FetcherHarness.StartAsync(Settings("Auto"));

        // Act
        await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        var item = fetcher.Published.Items.ShouldHaveSingleItem();
        (item.Kind, item.Charset, item.Url).ShouldBe((ArticleSourceKind.Html, "iso-8859-1", _server.UrlFor("/articles/1").ToString()));
        Encoding.UTF8.GetString(item.Body).ShouldBe(Page);
        _server.RequestCount("/robots.txt").ShouldBe(1);
        _server.RequestsTo("/articles/1").ShouldHaveSingleItem().Headers["Accept"].ShouldStartWith("text/html");
        fetcher.LogsAt(LogLevel.Warning).ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_AutoAndLongItem_DoesNotFetchThePage()
    {
        // Arrange
        MapFeed("<p>" + string.Concat(Enumerable.Repeat("The tide tables for the harbour. ", 25)) + "</p>");
        _server.MapResponse("/articles/1", StaticResponse.Text(Page, "text/html"));
        await using var fetcher = await FetcherHarness.StartAsync(Settings("Auto"));

        // Act
        await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        fetcher.Published.Items.ShouldHaveSingleItem().Kind.ShouldBe(ArticleSourceKind.FeedItem);
        _server.RequestCount("/articles/1").ShouldBe(0);
    }

    [Fact]
    public async Task Poll_AutoAndShortTextInLongMarkup_CountsOnlyTheTextAndFetchesThePage()
    {
        // Arrange: 800 characters of markup around a one-line teaser.
        MapFeed(string.Concat(Enumerable.Repeat("<span class=\"teaser-wrapper-x\"> </span>", 20)) + "<p>Spring tides tonight.</p>");
        _server.MapResponse("/articles/1", StaticResponse.Text(Page, "text/html"));
        await using var fetcher = await FetcherHarness.StartAsync(Settings("Auto"));

        // Act
        await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        fetcher.Published.Items.ShouldHaveSingleItem().Kind.ShouldBe(ArticleSourceKind.Html);
    }

    [Fact]
    public async Task Poll_FeedSetToOff_NeverFetchesThePage()
    {
        // Arrange
        MapFeed("Short.");
        _server.MapResponse("/articles/1", StaticResponse.Text(Page, "text/html"));
        var settings = Settings("On");
        settings["Fetcher:Feeds:0:Url"] = _server.UrlFor("/feed.xml").ToString();
        settings["Fetcher:Feeds:0:FullArticle"] = "Off";
        await using var fetcher = await FetcherHarness.StartAsync(settings);

        // Act
        await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        fetcher.Published.Items.ShouldHaveSingleItem().Kind.ShouldBe(ArticleSourceKind.FeedItem);
        (_server.RequestCount("/articles/1"), _server.RequestCount("/robots.txt")).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Poll_OnAndLongItem_FetchesThePage()
    {
        // Arrange
        MapFeed(string.Concat(Enumerable.Repeat("The tide tables for the harbour. ", 25)));
        _server.MapResponse("/articles/1", StaticResponse.Text(Page, "text/html"));
        await using var fetcher = await FetcherHarness.StartAsync(Settings("On"));

        // Act
        await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        var item = fetcher.Published.Items.ShouldHaveSingleItem();
        (item.Kind, item.Charset).ShouldBe((ArticleSourceKind.Html, null));
    }

    [Fact]
    public async Task Poll_RobotsDisallowsThePage_PublishesTheFeedItemWithAWarning()
    {
        // Arrange
        MapFeed("Short.");
        _server.MapResponse("/robots.txt", StaticResponse.Text("User-agent: *\nAllow: /\n\nUser-agent: NewsIngest\nDisallow: /articles/\n"));
        _server.MapResponse("/articles/1", StaticResponse.Text(Page, "text/html"));
        await using var fetcher = await FetcherHarness.StartAsync(Settings("Auto"));

        // Act
        await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        fetcher.Published.Items.ShouldHaveSingleItem().Kind.ShouldBe(ArticleSourceKind.FeedItem);
        _server.RequestCount("/articles/1").ShouldBe(0);
        fetcher.LogsAt(LogLevel.Warning).ShouldHaveSingleItem().Message.ShouldContain("robots.txt disallows");
    }

    [Fact]
    public async Task Poll_RobotsServerError_PublishesTheFeedItemAndAsksAgainNextTime()
    {
        // Arrange
        MapFeed("Short.", items: 2);
        _server.MapResponse("/robots.txt", StaticResponse.Status(503));
        _server.MapResponse("/articles/1", StaticResponse.Text(Page, "text/html"));
        _server.MapResponse("/articles/2", StaticResponse.Text(Page, "text/html"));
        var settings = Settings("Auto");
        settings["Fetcher:MaxRetries"] = "0";
        await using var fetcher = await FetcherHarness.StartAsync(settings);

        // Act
        await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        fetcher.Published.Items.Select(item => item.Kind).ShouldBe([ArticleSourceKind.FeedItem, ArticleSourceKind.FeedItem]);
        _server.RequestCount("/robots.txt").ShouldBe(2);
        (_server.RequestCount("/articles/1"), _server.RequestCount("/articles/2")).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Poll_SeveralPagesOfOneHost_ReadsRobotsOnce()
    {
        // Arrange
        MapFeed("Short.", items: 3);
        _server.MapResponse("/robots.txt", StaticResponse.Text("\uFEFFUser-agent: *\nDisallow: /articles/2\n"));
        for (var i = 1; i <= 3; i++)
        {
            _server.MapResponse($"/articles/{i}", StaticResponse.Text(Page, "text/html"));
        }

        await using var fetcher = await FetcherHarness.StartAsync(Settings("Auto"));

        // Act
        await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        // The items of a poll are published several at once, so in no set order.
        fetcher.Published.Items.OrderBy(item => item.Url, StringComparer.Ordinal).Select(item => item.Kind).ShouldBe([ArticleSourceKind.Html, ArticleSourceKind.FeedItem, ArticleSourceKind.Html]);
        _server.RequestCount("/robots.txt").ShouldBe(1);
    }

    [Fact]
    public async Task Poll_PageServerError_PublishesTheFeedItemWithOneWarning()
    {
        // Arrange
        MapFeed("Short.");
        _server.MapResponse("/articles/1", StaticResponse.Status(500));
        var settings = Settings("Auto");
        settings["Fetcher:MaxRetries"] = "0";
        await using var fetcher = await FetcherHarness.StartAsync(settings);

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.Succeeded.ShouldBeTrue();
        var item = fetcher.Published.Items.ShouldHaveSingleItem();
        (item.Kind, Encoding.UTF8.GetString(item.Body)).ShouldBe((ArticleSourceKind.FeedItem, "Short."));
        _server.RequestCount("/articles/1").ShouldBe(1);
        fetcher.LogsAt(LogLevel.Warning).ShouldHaveSingleItem().Message.ShouldContain("HTTP 500");
    }

    private static Dictionary<string, string?> Settings(string fullArticle) => new() { ["Fetcher:FullArticle"] = fullArticle };

    private void MapFeed(string description, int items = 1)
    {
        var entries = new StringBuilder();
        for (var i = 1; i <= items; i++)
        {
            var link = System.Security.SecurityElement.Escape(_server.UrlFor($"/articles/{i}").ToString());
            var text = System.Security.SecurityElement.Escape(description);
            entries.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><guid>urn:test:tide-{i}</guid><title>Tides {i}</title><link>{link}</link><description>{text}</description></item>");
        }

        _server.MapResponse("/feed.xml", StaticResponse.Text(
            $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tide Desk</title><link>{_server.BaseAddress}</link>{entries}</channel></rss>""",
            TestFeeds.RssType));
    }
}
