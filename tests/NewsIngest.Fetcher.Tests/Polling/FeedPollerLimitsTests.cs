using System.Diagnostics;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

public sealed class FeedPollerLimitsTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Poll_SlowLorisServer_IsCutOffByTheTotalTimeout()
    {
        // Arrange: headers at once, then one byte every few seconds, for ever.
        _server.Map("/slow.xml", async context =>
        {
            context.Response.ContentType = TestFeeds.RssType;
            await context.Response.StartAsync(context.RequestAborted);
            for (var i = 0; i < 1000 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync("<"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
            }
        });
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:TotalTimeout"] = "00:00:01.500" });
        var clock = Stopwatch.StartNew();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/slow.xml"));

        // Assert
        result.Succeeded.ShouldBeFalse();
        result.Failure.ShouldNotBeNull().ShouldContain("total timeout");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Poll_ServerNeverAnswers_IsCutOffByTheAttemptTimeout()
    {
        // Arrange
        _server.MapResponse("/silent.xml", TestFeeds.RssResponse(1) with { Delay = TimeSpan.FromMinutes(5) });
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Fetcher:RequestTimeout"] = "00:00:00.300",
            ["Fetcher:MaxRetries"] = "1",
        });
        var clock = Stopwatch.StartNew();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/silent.xml"));

        // Assert
        result.Succeeded.ShouldBeFalse();
        _server.RequestCount("/silent.xml").ShouldBe(2);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Poll_FiftyMegabyteStreamedBody_IsCutOffAtTheLimit()
    {
        // Arrange: chunked, no Content-Length, so only counting while reading can stop it.
        _server.Map("/huge.xml", async context =>
        {
            context.Response.ContentType = TestFeeds.RssType;
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var sent = 0; sent < 50 * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:MaxResponseBytes"] = "1048576" });

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/huge.xml"));

        // Assert
        result.Succeeded.ShouldBeFalse();
        result.Failure.ShouldNotBeNull().ShouldContain("1048576-byte limit");
    }

    [Fact]
    public async Task Poll_DeclaredLengthOverTheLimit_IsRefusedWithoutReading()
    {
        // Arrange
        _server.MapResponse("/big.xml", new StaticResponse(200, new byte[2 * 1024 * 1024]) { ContentType = TestFeeds.RssType });
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:MaxResponseBytes"] = "1048576" });

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/big.xml"));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("not read");
    }

    [Fact]
    public async Task Poll_GzipBomb_IsStoppedAfterDecompression()
    {
        // Arrange: 64 MB of spaces, about 64 KB compressed.
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(chunk);
            }
        }

        _server.MapResponse("/bomb.xml", new StaticResponse(200, compressed.ToArray())
        {
            ContentType = TestFeeds.RssType,
            Headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip" },
        });
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?> { ["Fetcher:MaxResponseBytes"] = "4194304" });

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/bomb.xml"));

        // Assert
        compressed.Length.ShouldBeLessThan(4 * 1024 * 1024);
        result.Failure.ShouldNotBeNull().ShouldContain("after decompression");
    }

    [Fact]
    public async Task Poll_GzipFeed_IsDecompressedAndRead()
    {
        // Arrange
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(TestFeeds.Rss(2)));
        }

        _server.MapResponse("/gz.xml", new StaticResponse(200, compressed.ToArray())
        {
            ContentType = TestFeeds.RssType,
            Headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip" },
        });
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/gz.xml"));

        // Assert
        result.NewItems.ShouldBe(2);
        _server.RequestsTo("/gz.xml")[0].Headers["Accept-Encoding"].ShouldContain("gzip");
    }

    [Fact]
    public async Task Poll_RedirectLoop_StopsAfterFiveHops()
    {
        // Arrange
        _server.Map("/a", context => Redirect(context, "/b"));
        _server.Map("/b", context => Redirect(context, "/a"));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/a"));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("more than 5 redirects");
        (_server.RequestCount("/a") + _server.RequestCount("/b")).ShouldBe(6);
    }

    [Fact]
    public async Task Poll_RedirectToAFeed_FollowsIt()
    {
        // Arrange
        _server.Map("/old.xml", context => Redirect(context, "/new.xml"));
        _server.MapResponse("/new.xml", TestFeeds.RssResponse(1));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/old.xml"));

        // Assert
        (result.HttpStatus, result.NewItems).ShouldBe((200, 1));
    }

    [Fact]
    public async Task Poll_RedirectToAnotherScheme_IsRefused()
    {
        // Arrange
        _server.Map("/feed.xml", context => Redirect(context, "file:///etc/passwd"));
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("refused scheme 'file'");
    }

    [Fact]
    public async Task Poll_ImageInsteadOfAFeed_IsRefusedByContentType()
    {
        // Arrange
        _server.MapResponse("/feed.xml", new StaticResponse(200, [0x89, 0x50, 0x4E, 0x47]) { ContentType = "image/png" });
        await using var fetcher = await FetcherHarness.StartAsync();

        // Act
        var result = await fetcher.PollAsync(_server.UrlFor("/feed.xml"));

        // Assert
        result.Failure.ShouldNotBeNull().ShouldContain("refused content type 'image/png'");
    }

    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
