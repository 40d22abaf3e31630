using System.Text;
using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.IntegrationTests.Fetcher;
using NewsIngest.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace NewsIngest.IntegrationTests.Messaging;

/// <summary>
/// Claim checks between the real fetcher and parser processes: bodies in PostgreSQL, released once parsed; a
/// replayed message learns it was handled, a message later than the bodies' expiry goes to <c>_error</c> with the
/// reason; a page without an article falls back to the feed entry; a crafted folder address is refused unread.
/// </summary>
public sealed class ClaimCheckLifecycleTests(BrokerFixture broker, DatabaseFixture database) : IAsyncLifetime
{
    private const string FetchedExchange = "NewsIngest.Contracts:ArticleFetched";
    private const string FeedPath = "/tide/feed.xml";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private LoopbackHttpServer _feeds = null!;
    private string _work = null!;

    public async ValueTask InitializeAsync()
    {
        _work = TestDirectory.Create("claim-checks");
        _feeds = await LoopbackHttpServer.StartAsync();
        _feeds.MapResponse(FeedPath, StaticResponse.Text(Feed.Replace("{BASE}", _feeds.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal), "application/rss+xml; charset=utf-8"));
        _feeds.MapResponse("/tide/notice", StaticResponse.Text("<!DOCTYPE html><html><head><title>Tide</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>", "text/html; charset=utf-8"));
        _feeds.MapResponse("/robots.txt", StaticResponse.Text(string.Empty));
    }

    public async ValueTask DisposeAsync()
    {
        await _feeds.DisposeAsync();
        await TestDirectory.DeleteAsync(_work);
    }

    [Fact]
    public async Task Postgres_PageWithoutArticle_FeedEntryParsedBodiesReleasedReplayDroppedLateMessageToErrorWithReason()
    {
        // Arrange
        var virtualHost = await broker.Node.CreateVirtualHostAsync();
        await FetcherProcess.BindArticleFetchedQueueAsync(broker.Node, virtualHost); // keeps a copy of what the fetcher published
        var db = await database.Server.CreateDatabaseAsync();
        var claims = new Dictionary<string, string?>
        {
            ["Messaging__ClaimCheckStore"] = "Postgres",
            ["Messaging__ClaimCheckConnectionString"] = db,
            ["Messaging__ClaimCheckInlineBytes"] = "0",
            ["Messaging__RetryLimit"] = "1",
        };
        await using var parser = FetcherProcess.Start("NewsIngest.Parser", With(FetcherProcess.Common(broker.Node, virtualHost, _work), claims));
        await FetcherProcess.WaitUntilStartedAsync(parser, Patience);
        var fetcherEnvironment = With(FetcherProcess.Environment(broker.Node, virtualHost, _work, db, [_feeds.UrlFor(FeedPath)]), claims);
        fetcherEnvironment["Fetcher__FullArticle"] = "On";
        await using var fetcher = FetcherProcess.Start("NewsIngest.Fetcher", fetcherEnvironment);

        // Act: the page has no article, so the parser uses the entry's text, then releases both bodies
        var fellBack = await parser.WaitForOutputAsync(line => line.Contains("parsed the feed entry instead", StringComparison.Ordinal), Patience);
        await parser.WaitForOutputAsync(line => line.Contains("Parsed article", StringComparison.Ordinal), Patience);
        await Eventually.UntilAsync(async () => await ScalarAsync(db, "SELECT count(*) FROM claim_checks WHERE released_at IS NOT NULL AND body IS NULL") == 2, Patience, "both bodies released");
        await using var connection = await broker.Node.CreateConnectionFactory(virtualHost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var copy = (await channel.BasicGetAsync("test-article-fetched", autoAck: true)).ShouldNotBeNull();

        // Act: the same message again (a replay) after it was handled
        await RepublishAsync(channel, copy);
        var dropped = await parser.WaitForOutputAsync(line => line.Contains("was parsed before", StringComparison.Ordinal), Patience);

        // Act: the same message later than its bodies' expiry
        await ExecuteAsync(db, "UPDATE claim_checks SET expires_at = now() - interval '1 second'");
        await RepublishAsync(channel, copy);
        var givenUp = await parser.WaitForOutputAsync(line => line.Contains("Giving up", StringComparison.Ordinal), Patience);
        BasicGetResult? faulted = null;
        await Eventually.UntilAsync(
            async () =>
            {
                await using var probe = await connection.CreateChannelAsync(); // a missing queue closes the channel it was asked on
                return (faulted = await probe.BasicGetAsync("parser-article-fetched_error", autoAck: true)) is not null;
            },
            Patience,
            "the late message is in the error queue");

        // Assert
        fellBack.ShouldContain("no article");
        dropped.ShouldContain("dropped");
        givenUp.ShouldContain("not found");
        Encoding.UTF8.GetString((byte[])faulted!.BasicProperties.Headers!["MT-Fault-Message"]!).ShouldContain("not found");
        parser.Lines.Count(line => line.Contains("Giving up", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Folder_CraftedTraversalAddress_RefusedWithOneLineAndRejectedUnread()
    {
        // Arrange
        var virtualHost = await broker.Node.CreateVirtualHostAsync();
        await using var parser = FetcherProcess.Start("NewsIngest.Parser", FetcherProcess.Common(broker.Node, virtualHost, _work));
        await FetcherProcess.WaitUntilStartedAsync(parser, Patience);
        await using var connection = await broker.Node.CreateConnectionFactory(virtualHost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync("NewsIngest.Contracts:ArticleRejected", ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync("test-article-rejected", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync("test-article-rejected", "NewsIngest.Contracts:ArticleRejected", string.Empty);
        var forged = new ArticleFetched
        {
            ArticleId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
            FetchedAt = DateTimeOffset.UtcNow,
            Kind = ArticleSourceKind.Text,
            BodyAddress = new Uri("urn:file:..:..:..:..:..:..:etc:passwd"),
            BodyLength = 1,
            Origin = "inbox:forged.txt",
        };

        // Act
        await channel.BasicPublishAsync(FetchedExchange, string.Empty, mandatory: true, new BasicProperties
        {
            ContentType = "application/json",
            Headers = new Dictionary<string, object?> { ["MT-MessageType"] = "urn:message:NewsIngest.Contracts:ArticleFetched" },
        }, JsonSerializer.SerializeToUtf8Bytes(forged, Web));
        var refused = await parser.WaitForOutputAsync(line => line.Contains("Rejected article", StringComparison.Ordinal), Patience);
        BasicGetResult? rejection = null;
        await Eventually.UntilAsync(async () => (rejection = await channel.BasicGetAsync("test-article-rejected", autoAck: true)) is not null, Patience, "the rejection is published");

        // Assert
        refused.ShouldContain("refused");
        refused.ShouldContain(forged.ArticleId.ToString());
        Encoding.UTF8.GetString(rejection!.Body.Span).ShouldContain("refused");
        parser.Lines.ShouldNotContain(line => line.Contains("root:", StringComparison.Ordinal));
        parser.Lines.ShouldNotContain(line => line.Contains("Giving up", StringComparison.Ordinal));
    }

    private static async Task RepublishAsync(IChannel channel, BasicGetResult copy) =>
        await channel.BasicPublishAsync(FetchedExchange, string.Empty, mandatory: true, new BasicProperties(copy.BasicProperties), copy.Body);

    private static Dictionary<string, string?> With(Dictionary<string, string?> environment, Dictionary<string, string?> more)
    {
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Tide Tables</title><link>{BASE}/tide/</link>
          <item><guid>tide-notice-1</guid><title>Spring Tides Flood the Harbour Road</title><link>{BASE}/tide/notice</link>
            <description>Spring tides are expected to flood the harbour road on Thursday evening; drivers should use the hill route.</description></item>
        </channel></rss>
        """;
}
