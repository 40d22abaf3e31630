using Microsoft.Extensions.Logging;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>
/// Two fetchers on one PostgreSQL state database split the feeds: each claims at most its share of the due feeds
/// (issue 15: with leases alone, the replica that woke first on the feeds' own schedule polled 18 of 18).
/// </summary>
public sealed class FeedPollSchedulerReplicasTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const int Feeds = 6;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Loops_TwoReplicasOneStateDatabase_EachPollsAtLeastAThirdAndNoFeedTwiceInAnInterval()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync();
        var paths = Enumerable.Range(0, Feeds).Select(i => $"/shared-{i}.xml").ToList();
        foreach (var path in paths)
        {
            _server.MapResponse(path, TestFeeds.RssResponse(1));
        }

        var replicas = new List<FetcherHarness>();
        var logs = new List<Microsoft.Extensions.Logging.Testing.FakeLogCollector>();
        try
        {
            foreach (var name in new[] { "replica-a", "replica-b" })
            {
                replicas.Add(await FetcherHarness.StartAsync(new Dictionary<string, string?>
                {
                    ["Fetcher:State:Provider"] = "Postgres",
                    ["Fetcher:State:ConnectionString"] = connectionString,
                    ["Fetcher:State:InstanceId"] = name,
                    ["Fetcher:State:LeaseDuration"] = "00:00:03",
                    ["Fetcher:PollInterval"] = "00:00:01",
                    ["Fetcher:InboxScanInterval"] = "00:10:00",
                }));
            }

            logs.AddRange(replicas.Select(replica => replica.Logs)); // read after the hosts are gone
            foreach (var path in paths)
            {
                await replicas[0].AddFeedAsync(_server.UrlFor(path));
            }

            // Act
            foreach (var replica in replicas)
            {
                await replica.RunLoopsAsync();
            }

            await Eventually.UntilAsync(() => Task.FromResult(paths.All(path => _server.RequestCount(path) >= 8)), TimeSpan.FromSeconds(90), "every feed is polled eight times");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync(); // stops the loops: every poll under way ends first
            }
        }

        // Assert
        var polls = logs.Select(log => log.GetSnapshot().Count(record => record.Level == LogLevel.Information && record.Message.StartsWith("Polled feed", StringComparison.Ordinal))).ToList();
        var gaps = paths.Select(path => _server.RequestsTo(path).Select(request => request.ReceivedAt).Order().ToList())
            .SelectMany(times => times.Zip(times.Skip(1), (a, b) => b - a)).ToList();
        polls.ShouldAllBe(count => count * 3 >= polls.Sum(), $"each replica polls at least a third ({string.Join('/', polls)})");
        gaps.ShouldAllBe(gap => gap >= Interval * 0.75, "no feed is polled twice within one interval");
        replicas.SelectMany(replica => replica.Published.Items).Count().ShouldBe(Feeds, "each feed's one item is published once, by one replica");
    }
}
