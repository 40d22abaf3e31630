using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Tests.Polling;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Hostile;

/// <summary>Issue 10: hostile feeds served by a real HTTP server on 127.0.0.1 to the fetcher's real poller.</summary>
public sealed class HostileFeedTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Poll_Utf7InContentTypeAndDeclaration_ReadsTheFeedAndLogsThePoll()
    {
        // Arrange (row 1: NotSupportedException used to stop the host)
        var xml = TestFeeds.Rss(2).Replace("encoding=\"utf-8\"", "encoding=\"utf-7\"", StringComparison.Ordinal);
        _server.MapResponse("/feed.xml", StaticResponse.Text(xml, "application/rss+xml; charset=utf-7"));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.Failure.ShouldBeNull();
        result.NewItems.ShouldBe(2);
        fetcher.Published.Items.Select(item => item.Title).ShouldBe(["Harbour note 1", "Harbour note 2"], ignoreOrder: true);
        fetcher.LogsAt(LogLevel.Information).ShouldContain(log => log.Message.StartsWith($"Polled feed {_server.UrlFor("/feed.xml")}: HTTP 200, 2 new", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_ItemOfUnclosedAnchorTags_IsPublishedAsEscapedText()
    {
        // Arrange (row 3: 120 KB of "<a " took 42 s in the quadratic fragment cleaner)
        var hostile = string.Concat(Enumerable.Repeat("&lt;a ", 40_000));
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(1));
        _server.MapResponse("/feed.xml", StaticResponse.Text(TestFeeds.Rss(1).Replace("The harbour master posted note number 1", hostile, StringComparison.Ordinal), TestFeeds.RssType));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.NewItems.ShouldBe(1);
        var body = Encoding.UTF8.GetString(fetcher.Published.Items.ShouldHaveSingleItem().Body);
        body.ShouldStartWith("&lt;a &lt;a ");
        body.ShouldNotContain("<a");
        fetcher.LogsAt(LogLevel.Information).ShouldContain(log => log.Message.Contains("HTTP 200, 1 new", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_JsonFeedOverTheItemCap_IsRefusedWithOneWarning()
    {
        // Arrange (row 12: 100,001 JSON Feed items were accepted)
        var items = string.Join(',', Enumerable.Range(1, 10_001).Select(i => string.Create(CultureInfo.InvariantCulture, $$"""{"id":"{{i}}","content_text":"note {{i}}"}""")));
        _server.MapResponse("/feed.json", StaticResponse.Text($$"""{"version":"https://jsonfeed.org/version/1.1","title":"Notes","items":[{{items}}]}""", "application/feed+json"));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.json"));

        // Assert
        result.Failure.ShouldBe("The feed has more than 10000 items.");
        fetcher.Published.Items.ShouldBeEmpty();
        fetcher.LogsAt(LogLevel.Warning).ShouldHaveSingleItem().Message.ShouldEndWith("error 1 in a row: The feed has more than 10000 items.");
    }

    [Fact]
    public async Task Poll_JavascriptLinkAndControlCharactersInTitles_PublishesNullUrlAndCleanTitles()
    {
        // Arrange (rows 8 and 10)
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour&#10;[FTL] forged</title>
            <item><guid>urn:test:1</guid><title>Tides&#13;&#10;stored 0000 en/x 1w "fake"&#x1b;[2J</title><link>javascript:alert(document.cookie)</link>
            <description>The harbour master posted a note.</description></item>
            <item><guid>urn:test:2</guid><title>Berths</title><link>http://news.example.org/a&#13;&#10;Set-Cookie:x</link>
            <description>The harbour master posted a second note.</description></item></channel></rss>
            """;
        _server.MapResponse("/feed.xml", StaticResponse.Text(xml, TestFeeds.RssType));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.NewItems.ShouldBe(2);
        var items = fetcher.Published.Items;
        items.ShouldAllBe(item => item.Url == null);
        // The items are published concurrently: either may come first.
        items.Select(item => item.Title).ShouldBe(["Tides stored 0000 en/x 1w \"fake\"[2J", "Berths"], ignoreOrder: true);
        items.ShouldAllBe(item => item.FeedTitle == "Harbour [FTL] forged");
        fetcher.LogsAt(LogLevel.Information).ShouldContain(log => log.Message.Contains("HTTP 200, 2 new", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_TenItemsLinkingToSlowPages_FetchesWithinTheBudgetAndPublishesAll()
    {
        // Arrange (row 6: ten slow pages were fetched one by one, 30 s per poll)
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Slow</title>""");
        for (var i = 0; i < 10; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid>urn:slow:{i}</guid><title>Slow {i}</title><link>{_server.UrlFor($"/page/{i}")}</link><description>short</description></item>");
        }

        _server.MapResponse("/feed.xml", StaticResponse.Text(xml.Append("</channel></rss>").ToString(), TestFeeds.RssType));
        _server.MapResponse("/robots.txt", StaticResponse.Status(404));
        for (var i = 0; i < 10; i++)
        {
            _server.Map($"/page/{i}", async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><title>late</title></html>", context.RequestAborted);
            });
        }

        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Fetcher:FullArticle"] = "On",
            ["Fetcher:MaxFullArticlesPerPoll"] = "4",
            ["Fetcher:FullArticleConcurrency"] = "4",
            ["Fetcher:PollBudget"] = "00:00:01",
            ["Fetcher:RequestTimeout"] = "00:00:30",
            ["Fetcher:TotalTimeout"] = "00:00:40",
            ["Fetcher:MaxRetries"] = "0",
        });

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.NewItems.ShouldBe(10);
        fetcher.Published.Items.ShouldAllBe(item => item.Kind == ArticleSourceKind.FeedItem);
        _server.Requests.Count(request => request.Path.StartsWith("/page/", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(4);
        fetcher.LogsAt(LogLevel.Warning).ShouldContain(log => log.Message.StartsWith(
            $"Poll budget of feed {_server.UrlFor("/feed.xml")} spent: 6 pages over the 4-page limit and 4 past the 00:00:01 budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Loops_FeedPollWaitingOnAStalledPage_InboxFileIsPublishedMeanwhile()
    {
        // Arrange (row 6: the inbox and the feeds shared one loop, so a dropped file waited behind a slow poll)
        var inbox = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"inbox-loop-{Guid.NewGuid():N}")).FullName;
        var xml = $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Stalled</title><item><guid>urn:stalled:1</guid><title>Stalled 1</title><link>{_server.UrlFor("/page/stalled")}</link><description>short</description></item></channel></rss>""";
        _server.MapResponse("/feed.xml", StaticResponse.Text(xml, TestFeeds.RssType));
        _server.MapResponse("/robots.txt", StaticResponse.Status(404));
        _server.Map("/page/stalled", async context => await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted));
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Fetcher:FullArticle"] = "On",
            ["Fetcher:PollBudget"] = "00:05:00",
            ["Fetcher:RequestTimeout"] = "00:05:00",
            ["Fetcher:TotalTimeout"] = "00:05:00",
            ["Fetcher:MaxRetries"] = "0",
            ["Fetcher:InboxPath"] = inbox,
            ["Fetcher:InboxScanInterval"] = "00:00:00.200",
        });
        await fetcher.AddFeedAsync(_server.UrlFor("/feed.xml"));
        await fetcher.RunLoopsAsync();
        await Eventually.UntilAsync(() => Task.FromResult(_server.RequestCount("/page/stalled") > 0), TimeSpan.FromSeconds(60), "the feed poll reaches the stalled page");

        // Act
        await File.WriteAllTextAsync(Path.Combine(inbox, "note.txt"), "Harbour note\nDropped while the feed poll waits on a page.\n");
        await Eventually.UntilAsync(() => Task.FromResult(fetcher.Published.Items.Any(item => item.Origin == "inbox:note.txt")), TimeSpan.FromSeconds(60), "the inbox file is published");

        // Assert: the poll is still waiting (its item is not published), the file went through on its own loop.
        fetcher.Published.Items.ShouldNotContain(item => item.FeedUrl != null);
        fetcher.LogsAt(LogLevel.Information).ShouldContain(log => log.Message.StartsWith($"Scanning inbox {inbox} every", StringComparison.Ordinal));
        fetcher.LogsAt(LogLevel.Error).ShouldBeEmpty();
        Directory.Delete(inbox, recursive: true);
    }

    [Fact]
    public async Task Poll_AllowListedHostNameResolvingToLoopback_IsRefusedBeforeConnecting()
    {
        // Arrange (row 13: a host-name entry skipped the address checks)
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(1));
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:AllowedHosts:0"] = "localhost" });

        // Act
        var result = await fetcher.PollAsync(new Uri($"http://localhost:{_server.BaseAddress.Port}/feed.xml"));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("SSRF guard: localhost resolves to");
        result.Failure.ShouldContain("(loopback); refused before connecting");
        _server.Requests.ShouldBeEmpty();
        fetcher.LogsAt(LogLevel.Warning).ShouldHaveSingleItem().Message.ShouldContain("(loopback); refused before connecting");
    }
}
