using Microsoft.AspNetCore.Http;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>The guard refuses before connecting: nothing here sends a packet anywhere but 127.0.0.1.</summary>
public sealed class FeedPollerSsrfTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NoAllowList = new() { ["Fetcher:AllowedHosts:0"] = "feeds.allowed.invalid" };

    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("http://10.0.0.1/feed.xml", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "cloud metadata")]
    [InlineData("http://[::1]:9/feed.xml", "loopback")]
    [InlineData("http://[::ffff:192.168.0.1]/feed.xml", "private")]
    [InlineData("http://0.0.0.0:9/feed.xml", "unspecified")]
    public async Task Poll_NonPublicTarget_IsRefusedBeforeConnecting(string url, string reason)
    {
        // Arrange
        var retryEvents = new RetryEventRecorder();
        await using var fetcher = await FetcherHarness.StartAsync(NoAllowList, retryEvents);

        // Act
        var result = await fetcher.PollAsync(new Uri(url));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("SSRF guard");
        result.Failure.ShouldContain(reason);
        result.Failure.ShouldContain("refused before connecting");
        retryEvents.Retries.ShouldBe(0); // a refusal is final: the retry strategy never sees it as transient
    }

    [Fact]
    public async Task Poll_ServerErrorOnAllowedHost_IsRetriedAndReportsEachRetry()
    {
        // Arrange: the control for the assertion above, so it cannot pass because no event is ever reported
        _server.MapResponse("/feed.xml", StaticResponse.Status(503));
        var retryEvents = new RetryEventRecorder();
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:MaxRetries"] = "2" }, retryEvents);

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.HttpStatus.ShouldBe(503);
        retryEvents.Retries.ShouldBe(2);
        _server.RequestCount("/feed.xml").ShouldBe(3);
    }

    [Fact]
    public async Task Poll_LoopbackWithoutAllowList_SendsNoRequest()
    {
        // Arrange
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(1));
        await using var fetcher = await FetcherHarness.StartAsync(NoAllowList);

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("127.0.0.1 (loopback)");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_LoopbackHostNameWithoutAllowList_IsRefusedAfterResolution()
    {
        // Arrange
        await using var fetcher = await FetcherHarness.StartAsync(NoAllowList);

        // Act
        var result = await fetcher.PollAsync(new Uri($"http://localhost:{_server.BaseAddress.Port}/feed.xml"));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("localhost resolves to");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_RedirectToMetadataAddress_IsRefusedAtThatHop()
    {
        // Arrange
        _server.Map("/feed.xml", context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/";
            return Task.CompletedTask;
        });
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("169.254.169.254 (link-local (cloud metadata))");
        _server.RequestCount("/feed.xml").ShouldBe(1);
    }
}
