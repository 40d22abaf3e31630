using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Fetcher;

/// <summary>
/// kill -9 of the fetcher while it polls: its feeds are leased to a dead process. Restarted with the same instance
/// id it takes them back at once; a new instance takes them over once the short leases run out. Either way every
/// feed is polled again within 30 s of the restart.
/// </summary>
public sealed class FetcherLeaseTests(BrokerFixture broker, DatabaseFixture database) : IAsyncLifetime
{
    private const int FeedCount = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan AfterRestart = TimeSpan.FromSeconds(30);

    private LoopbackHttpServer _feeds = null!;
    private string _work = null!;
    private int _hanging = 1;

    public async ValueTask InitializeAsync()
    {
        _work = TestDirectory.Create("fetcher-leases");
        _feeds = await LoopbackHttpServer.StartAsync();
        for (var i = 0; i < FeedCount; i++)
        {
            var path = $"/feeds/{i}.xml";
            var body = System.Text.Encoding.UTF8.GetBytes(Feed(i));
            _feeds.Map(path, async context =>
            {
                // While the first fetcher lives, every poll hangs: each feed is leased to it when it is killed.
                if (Volatile.Read(ref _hanging) == 1)
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }

                context.Response.ContentType = "application/rss+xml; charset=utf-8";
                await context.Response.Body.WriteAsync(body);
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _feeds.DisposeAsync();
        await TestDirectory.DeleteAsync(_work);
    }

    [Fact]
    public async Task KillNine_RestartedWithSameInstanceId_EveryFeedPolledWithin30Seconds()
    {
        var polled = await KillWhilePollingThenRestartAsync("fetcher-one", "fetcher-one");

        polled.ShouldContain(line => line.Contains("Took back 10 feeds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KillNine_ReplacedByAnotherInstance_EveryFeedPolledWithin30Seconds()
    {
        var polled = await KillWhilePollingThenRestartAsync("fetcher-old", "fetcher-new");

        polled.ShouldNotContain(line => line.Contains("Took back", StringComparison.Ordinal));
    }

    /// <returns>The restarted fetcher's output once every feed was polled.</returns>
    private async Task<IReadOnlyList<string>> KillWhilePollingThenRestartAsync(string firstInstance, string secondInstance)
    {
        // Arrange
        var virtualHost = await broker.Node.CreateVirtualHostAsync();
        await FetcherProcess.BindArticleFetchedQueueAsync(broker.Node, virtualHost);
        var environment = FetcherProcess.Environment(
            broker.Node, virtualHost, _work, await database.Server.CreateDatabaseAsync(),
            Enumerable.Range(0, FeedCount).Select(i => _feeds.UrlFor($"/feeds/{i}.xml")));
        environment["Fetcher__PerHostConcurrency"] = "32";
        environment["Fetcher__RequestTimeout"] = "00:05:00";
        environment["Fetcher__TotalTimeout"] = "00:10:00";
        environment["Fetcher__State__LeaseDuration"] = "00:00:10";
        environment["Fetcher__State__InstanceId"] = firstInstance;
        await using (var first = FetcherProcess.Start("NewsIngest.Fetcher", environment))
        {
            await FetcherProcess.WaitUntilStartedAsync(first, Patience);
            await Eventually.UntilAsync(() => Distinct(_feeds.Requests) == FeedCount, Patience, "every feed is being polled");

            // Act
            Signals.Send(first.ProcessId, Signals.Kill).ShouldBeTrue();
            await first.WaitForExitAsync(Patience);
        }

        Volatile.Write(ref _hanging, 0);
        var before = _feeds.Requests.Count;
        environment["Fetcher__State__InstanceId"] = secondInstance;
        await using var second = FetcherProcess.Start("NewsIngest.Fetcher", environment);
        await FetcherProcess.WaitUntilStartedAsync(second, Patience);

        // Assert
        var polled = 0;
        await second.WaitForOutputAsync(
            line => line.Contains("Polled feed", StringComparison.Ordinal) && line.Contains("HTTP 200, 1 new", StringComparison.Ordinal) && ++polled == FeedCount,
            AfterRestart);
        Distinct(_feeds.Requests.Skip(before)).ShouldBe(FeedCount);
        return second.Lines;
    }

    private static int Distinct(IEnumerable<RecordedRequest> requests) => requests.Select(request => request.Path).Distinct().Count();

    private static string Feed(int i) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Lease Gazette {i}</title><link>http://127.0.0.1/lease/{i}/</link>
          <item><guid>lease-gazette-{i}-1</guid><title>Ferry Timetable {i} Changes on Monday</title>
            <description>The ferry timetable number {i} changes on Monday; the first crossing leaves ten minutes earlier.</description></item>
        </channel></rss>
        """;
}
