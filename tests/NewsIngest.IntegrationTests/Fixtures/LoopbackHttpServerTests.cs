using System.Net;
using Microsoft.AspNetCore.Http;
using NewsIngest.Testing;
using Shouldly;
using Xunit;

namespace NewsIngest.IntegrationTests.Fixtures;

public sealed class LoopbackHttpServerTests
{
    private const string FeedXml = "<rss version=\"2.0\"><channel><title>Fixture Gazette</title></channel></rss>";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_MappedPath_ReturnsCannedResponseFromLoopback()
    {
        // Arrange
        await using var server = await LoopbackHttpServer.StartAsync(Cancellation);
        server.MapResponse("/feeds/gazette.xml", StaticResponse.Text(FeedXml, "application/rss+xml") with
        {
            Headers = new Dictionary<string, string> { ["ETag"] = "\"v1\"" },
        });
        using var client = new HttpClient();

        // Act
        using var response = await client.GetAsync(server.UrlFor("/feeds/gazette.xml"), Cancellation);

        // Assert
        server.BaseAddress.Host.ShouldBe("127.0.0.1");
        server.BaseAddress.Port.ShouldBeGreaterThan(0);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/rss+xml");
        response.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe("\"v1\"");
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe(FeedXml);
        server.RequestCount("/feeds/gazette.xml").ShouldBe(1);
    }

    [Fact]
    public async Task Get_UnmappedPath_Returns404AndIsRecorded()
    {
        // Arrange
        await using var server = await LoopbackHttpServer.StartAsync(Cancellation);
        using var client = new HttpClient();

        // Act
        using var response = await client.GetAsync(server.UrlFor("/nothing-here?x=1"), Cancellation);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var request = server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/nothing-here");
        request.QueryString.ShouldBe("?x=1");
    }

    [Fact]
    public async Task Get_HandlerHonouringIfNoneMatch_Returns304OnSecondRequest()
    {
        // Arrange
        await using var server = await LoopbackHttpServer.StartAsync(Cancellation);
        server.Map("/feed", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v7\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = "\"v7\"";
            await context.Response.WriteAsync(FeedXml, Cancellation);
        });
        using var client = new HttpClient();
        using var first = await client.GetAsync(server.UrlFor("feed"), Cancellation);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, server.UrlFor("feed"));
        conditional.Headers.TryAddWithoutValidation("If-None-Match", "\"v7\"");

        // Act
        using var second = await client.SendAsync(conditional, Cancellation);

        // Assert
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        server.RequestCount("/feed").ShouldBe(2);
        server.RequestsTo("/feed")[1].Headers["if-none-match"].ShouldBe("\"v7\"");
    }

    [Fact]
    public async Task Get_DelayedResponse_OutlastsShortClientTimeout()
    {
        // Arrange
        await using var server = await LoopbackHttpServer.StartAsync(Cancellation);
        server.MapResponse("/slow", StaticResponse.Text("late") with { Delay = TimeSpan.FromMinutes(2) });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };

        // Act
        TaskCanceledException? timedOut = null;
        try
        {
            using var response = await client.GetAsync(server.UrlFor("/slow"), Cancellation);
        }
        catch (TaskCanceledException ex)
        {
            timedOut = ex;
        }

        // Assert
        timedOut.ShouldNotBeNull().InnerException.ShouldBeOfType<TimeoutException>();
        server.RequestCount("/slow").ShouldBe(1);
    }

    [Fact]
    public async Task DisposeAsync_ResponseStillDelayed_ReturnsWithinSeconds()
    {
        // Arrange
        var server = await LoopbackHttpServer.StartAsync(Cancellation);
        server.MapResponse("/stuck", StaticResponse.Text("never") with { Delay = TimeSpan.FromMinutes(5) });
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var pending = client.GetAsync(server.UrlFor("/stuck"), Cancellation);
        await Eventually.UntilAsync(() => server.RequestCount("/stuck") == 1, TimeSpan.FromSeconds(30), "the request reached the server", Cancellation);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Act
        await server.DisposeAsync();

        // Assert
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        await Should.ThrowAsync<HttpRequestException>(() => pending);
    }
}
