using System.Text;
using Microsoft.AspNetCore.Http;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>
/// Each feed is polled again as soon as it is due, independently of the others: the scheduler used to claim a batch of
/// due feeds and wait for the slowest before it claimed again, so one slow feed held every other feed's next poll.
/// </summary>
public sealed class FeedPollSchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Loops_SlowFeedHeldOpen_FastFeedIsPolledAgainMeanwhile()
    {
        // Arrange: the slow feed answers only when the test lets it; the fast one at once, due every 200 ms.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Map("/slow.xml", async context =>
        {
            await release.Task.WaitAsync(context.RequestAborted);
            await WriteFeedAsync(context);
        });
        _server.MapResponse("/fast.xml", TestFeeds.RssResponse(1));
        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Fetcher:PollInterval"] = "00:00:00.200",
            ["Fetcher:InboxScanInterval"] = "00:10:00",
            ["Fetcher:RequestTimeout"] = "00:05:00", // the held poll does not time out within the test
            ["Fetcher:TotalTimeout"] = "00:10:00",
        });
        await fetcher.AddFeedAsync(_server.UrlFor("/slow.xml"));
        await fetcher.AddFeedAsync(_server.UrlFor("/fast.xml"));

        try
        {
            // Act
            await fetcher.RunLoopsAsync();
            await Eventually.UntilAsync(
                () => Task.FromResult(_server.RequestCount("/slow.xml") == 1 && _server.RequestCount("/fast.xml") >= 4),
                Deadline,
                "the fast feed is polled four times while the slow feed's first poll is held open");

            // Assert: the slow poll was still under way the whole time (its answer had not been let go).
            release.Task.IsCompleted.ShouldBeFalse();
            _server.RequestCount("/slow.xml").ShouldBe(1, "the slow feed is not polled again while its poll is under way");
        }
        finally
        {
            release.TrySetResult();
        }

        await Eventually.UntilAsync(() => Task.FromResult(_server.RequestCount("/slow.xml") >= 2), Deadline, "the slow feed, answered, is polled again");
        fetcher.Published.Items.Count(item => item.FeedUrl == _server.UrlFor("/fast.xml").ToString()).ShouldBe(1, "the fast feed's one item is published once");
        fetcher.Published.Items.Count(item => item.FeedUrl == _server.UrlFor("/slow.xml").ToString()).ShouldBe(1, "the slow feed's one item is published once");
    }

    [Fact]
    public async Task Loops_MoreHeldFeedsThanSlots_AtMostMaxConcurrentPollsAtOnceAndAFreedSlotIsRefilled()
    {
        // Arrange: three feeds whose answers the test lets go one at a time, two polls at once.
        var answers = new SemaphoreSlim(0);
        var current = 0;
        var most = 0;
        var paths = new[] { "/held-0.xml", "/held-1.xml", "/held-2.xml" };
        foreach (var path in paths)
        {
            _server.Map(path, async context =>
            {
                var now = Interlocked.Increment(ref current);
                InterlockedMax(ref most, now);
                try
                {
                    await answers.WaitAsync(context.RequestAborted);
                    await WriteFeedAsync(context);
                }
                finally
                {
                    Interlocked.Decrement(ref current);
                }
            });
        }

        await using var fetcher = await FetcherHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Fetcher:MaxConcurrentPolls"] = "2",
            ["Fetcher:PerHostConcurrency"] = "8",
            ["Fetcher:InboxScanInterval"] = "00:10:00",
            ["Fetcher:RequestTimeout"] = "00:05:00",
            ["Fetcher:TotalTimeout"] = "00:10:00",
        });
        foreach (var path in paths)
        {
            await fetcher.AddFeedAsync(_server.UrlFor(path));
        }

        try
        {
            // Act
            await fetcher.RunLoopsAsync();
            await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref current) == 2), Deadline, "two polls are held open");
            var polledWhileFull = paths.Count(path => _server.RequestCount(path) > 0);
            answers.Release();
            await Eventually.UntilAsync(() => Task.FromResult(paths.All(path => _server.RequestCount(path) == 1)), Deadline, "the freed slot polls the third feed");
            answers.Release(2);
            await Eventually.UntilAsync(() => Task.FromResult(fetcher.Published.Items.Count == 3), Deadline, "every feed's item is published");

            // Assert
            polledWhileFull.ShouldBe(2, "with both slots held, the third feed waits");
            Volatile.Read(ref most).ShouldBe(2, "never more than MaxConcurrentPolls polls at once");
        }
        finally
        {
            answers.Release(10);
        }
    }

    private static async Task WriteFeedAsync(HttpContext context)
    {
        var body = Encoding.UTF8.GetBytes(TestFeeds.Rss(1).Replace("urn:test:item-1", "urn:test:" + context.Request.Path.Value, StringComparison.Ordinal));
        context.Response.ContentType = TestFeeds.RssType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
