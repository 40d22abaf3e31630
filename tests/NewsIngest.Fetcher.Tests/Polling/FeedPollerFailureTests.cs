using Microsoft.Extensions.Logging;
using NewsIngest.Fetcher.Polling;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

public sealed class FeedPollerFailureTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Poll_TooManyRequestsWithRetryAfter_DoesNotRetryAndWaitsThatLong()
    {
        // Arrange
        _server.MapResponse("/feed.xml", StaticResponse.Status(429) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "7200" } });
        await using var fetcher = await FetcherHarness.StartAsync();
        var before = DateTimeOffset.UtcNow;

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        (result.HttpStatus, result.Succeeded).ShouldBe((429, false));
        _server.RequestCount("/feed.xml").ShouldBe(1);
        result.NextPoll.ShouldBeGreaterThanOrEqualTo(before.AddHours(2));
    }

    [Fact]
    public async Task Poll_ServiceUnavailableWithRetryAfter_WaitsThatLong()
    {
        // Arrange
        _server.MapResponse("/feed.xml", StaticResponse.Status(503) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "600" } });
        await using var fetcher = await FetcherHarness.StartAsync();
        var before = DateTimeOffset.UtcNow;

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.HttpStatus.ShouldBe(503);
        _server.RequestCount("/feed.xml").ShouldBe(1);
        result.NextPoll.ShouldBeGreaterThanOrEqualTo(before.AddMinutes(10));
    }

    [Fact]
    public async Task Poll_ServerErrors_RetriesThenBacksOffExponentially()
    {
        // Arrange
        _server.MapResponse("/feed.xml", StaticResponse.Status(500));
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:MaxRetries"] = "2" });
        var url = _server.UrlFor("/feed.xml");
        var before = DateTimeOffset.UtcNow;

        // Act
        var first = await fetcher.PollAsync(url);
        var second = await fetcher.PollAsync(url);

        // Assert
        _server.RequestCount("/feed.xml").ShouldBe(6); // 1 + 2 retries per poll
        first.NextPoll.ShouldBeGreaterThanOrEqualTo(before.AddMinutes(1));
        second.NextPoll.ShouldBeGreaterThanOrEqualTo(before.AddMinutes(2));
        (await fetcher.StateAsync(url)).ConsecutiveErrors.ShouldBe(2);
    }

    [Fact]
    public async Task Poll_HostKeepsFailing_CircuitOpensAndSparesTheHost()
    {
        // Arrange
        _server.MapResponse("/feed.xml", StaticResponse.Status(502));
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:MaxRetries"] = "2" });
        var url = _server.UrlFor("/feed.xml");
        var results = new List<PollResult>();

        // Act: 5 polls of up to 3 attempts each, were the breaker not there.
        for (var i = 0; i < 5; i++)
        {
            results.Add(await fetcher.PollAsync(url));
        }

        // Assert
        _server.RequestCount("/feed.xml").ShouldBeLessThan(15);
        results[^1].Failure.ShouldNotBeNull().ShouldContain("circuit");
    }

    [Fact]
    public async Task Poll_NotFound_IsNotRetried()
    {
        // Arrange
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/missing.xml"));

        // Assert
        result.HttpStatus.ShouldBe(404);
        _server.RequestCount("/missing.xml").ShouldBe(1);
    }

    [Fact]
    public async Task Poll_FailsMaxConsecutiveErrorsTimes_PausesWithOneWarning()
    {
        // Arrange
        _server.MapResponse("/feed.xml", StaticResponse.Status(410));
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:MaxConsecutiveErrors"] = "3" });
        var url = _server.UrlFor("/feed.xml");

        // Act
        for (var i = 0; i < 3; i++)
        {
            await fetcher.PollAsync(url);
        }

        var claimable = await fetcher.Store.ClaimDueAsync("other", DateTimeOffset.UtcNow.AddYears(2), TimeSpan.FromMinutes(1), 10, CancellationToken.None);

        // Assert
        (await fetcher.StateAsync(url)).Paused.ShouldBeTrue();
        claimable.ShouldBeEmpty();
        fetcher.LogsAt(LogLevel.Warning).Count(record => record.Message.Contains("paused", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Theory]
    [InlineData("xxe")]
    [InlineData("billion-laughs")]
    public async Task Poll_FeedWithEntityDeclarations_IsRejectedWithAWarning(string kind)
    {
        // Arrange
        var feed = kind == "xxe"
            ? """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&secret;</title><item><title>x</title></item></channel></rss>"""
            : """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>&c;</title><item><title>&c;</title></item></channel></rss>""";
        _server.MapResponse("/feed.xml", StaticResponse.Text(feed, TestFeeds.RssType));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.Succeeded.ShouldBeFalse();
        result.Failure.ShouldNotBeNull().ShouldContain("DTD");
        fetcher.Published.Items.ShouldBeEmpty();
        fetcher.LogsAt(LogLevel.Warning).ShouldContain(record => record.Message.Contains("DTD", StringComparison.Ordinal));
    }
}
