using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.IntegrationTests.Fetcher;

/// <summary>
/// The fetcher publishes before any parser ever bound its queue: the broker cannot route the items, the publish
/// fails (mandatory), nothing is marked seen; once the parser is up the same items are published and parsed.
/// </summary>
public sealed class FetcherPublishTests(BrokerFixture broker, DatabaseFixture database) : IAsyncLifetime
{
    private const string FeedPath = "/quay/feed.xml";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private LoopbackHttpServer _feeds = null!;
    private string _work = null!;

    public async ValueTask InitializeAsync()
    {
        _work = TestDirectory.Create("fetcher-publish");
        _feeds = await LoopbackHttpServer.StartAsync();
        _feeds.MapResponse(FeedPath, StaticResponse.Text(Feed, "application/rss+xml; charset=utf-8"));
    }

    public async ValueTask DisposeAsync()
    {
        await _feeds.DisposeAsync();
        await TestDirectory.DeleteAsync(_work);
    }

    [Fact]
    public async Task Publish_BeforeParserEverStarted_NothingMarkedSeenThenDeliveredOnceParserRuns()
    {
        // Arrange
        var virtualHost = await broker.Node.CreateVirtualHostAsync();
        var state = await database.Server.CreateDatabaseAsync();
        var environment = FetcherProcess.Environment(broker.Node, virtualHost, _work, state, [_feeds.UrlFor(FeedPath)]);
        environment["Fetcher__PublishRetryDelay"] = "00:00:01";
        await using var fetcher = FetcherProcess.Start("NewsIngest.Fetcher", environment);

        // Act
        var stopped = await fetcher.WaitForOutputAsync(line => line.Contains("stopped", StringComparison.Ordinal) && line.Contains("publish failed", StringComparison.Ordinal), Patience);
        var seenBeforeParser = await SeenItemsAsync(state);
        await using var parser = FetcherProcess.Start("NewsIngest.Parser", FetcherProcess.Common(broker.Node, virtualHost, _work));
        var parsed = 0;
        await parser.WaitForOutputAsync(line => line.Contains("Parsed article", StringComparison.Ordinal) && ++parsed == 2, Patience);
        await fetcher.WaitForOutputAsync(line => line.Contains("Polled feed", StringComparison.Ordinal) && line.Contains("2 new", StringComparison.Ordinal), Patience);

        // Assert
        stopped.ShouldContain("0 new");
        seenBeforeParser.ShouldBe(0);
        (await SeenItemsAsync(state)).ShouldBe(2);
    }

    private static async Task<long> SeenItemsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM fetcher.seen_items", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Quay Notices</title><link>http://127.0.0.1/quay/</link>
          <item><guid>quay-notice-1</guid><title>Crane Works Close the East Quay on Sunday</title>
            <description>The east quay is closed on Sunday while the harbour cranes are serviced; moorings move to the west side.</description></item>
          <item><guid>quay-notice-2</guid><title>Fish Market Opens an Hour Later in January</title>
            <description>Through January the fish market on the quay opens at seven instead of six, the harbour office said.</description></item>
        </channel></rss>
        """;
}
