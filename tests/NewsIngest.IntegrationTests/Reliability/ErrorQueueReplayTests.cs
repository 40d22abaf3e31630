using System.Text;
using System.Text.Json;
using NewsIngest.IntegrationTests.Pipeline;
using NewsIngest.IntegrationTests.Store;
using NewsIngest.Testing;
using RabbitMQ.Client;

namespace NewsIngest.IntegrationTests.Reliability;

/// <summary>
/// Error queues are recoverable, over the real store process, broker and PostgreSQL: a message the store rejects for
/// a reason of its own reaches <c>store-article-enriched_error</c> with that reason, <c>newsingest errors list/show</c>
/// report it, and once the cause is removed <c>errors replay</c> sends it back and it is stored and published once.
/// </summary>
public sealed class ErrorQueueReplayTests(BrokerFixture broker, DatabaseFixture database)
{
    private const string Queue = "store-article-enriched";
    private const string ErrorQueue = Queue + "_error";
    private const string Constraint = "no_embargoed_titles";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task PoisonMessage_ListedWithItsReasonAndReplayedAfterTheCauseIsRemoved_IsStoredAndPublishedOnce()
    {
        var (store, factory, amqp, connectionString, claims) = await StartStoreAsync();
        await using var topic = await TopicSubscriber.StartAsync(factory, "article.#");
        try
        {
            // A rule the store's database enforces: the poison message breaks it for as long as it exists.
            await StoreDatabase.ExecuteAsync(connectionString, $"ALTER TABLE articles ADD CONSTRAINT {Constraint} CHECK (title NOT LIKE 'EMBARGOED%')");
            var poison = EnrichedMessages.Create("embargo quay", "EMBARGOED: the harbour budget");
            var healthy = EnrichedMessages.Create("open quay");
            await PublishAsync(factory, poison, healthy);
            await Eventually.UntilAsync(async () => await QueueDepth.CountAsync(factory, ErrorQueue) == 1, Deadline, "the poison message reaches the error queue");
            await Eventually.UntilAsync(() => topic.Records.Count == 1, Deadline, "the healthy message is published");

            var list = await NewsIngestCli.RunAsync("errors", "list", "--amqp", amqp);
            var show = await NewsIngestCli.RunAsync("errors", "show", ErrorQueue, "--amqp", amqp, "--id", poison.ArticleId.ToString());
            await StoreDatabase.ExecuteAsync(connectionString, $"ALTER TABLE articles DROP CONSTRAINT {Constraint}");
            var replay = await NewsIngestCli.RunAsync("errors", "replay", ErrorQueue, "--amqp", amqp, "--all");
            await Eventually.UntilAsync(() => topic.Records.Any(r => r.MessageId == poison.ArticleId.ToString()), Deadline, "the replayed message is stored and published");

            foreach (var line in store.Lines.Where(l => l.Contains("\"@l\"", StringComparison.Ordinal)))
            {
                TestContext.Current.TestOutputHelper?.WriteLine(line.Length > 600 ? line[..600] + "…" : line);
            }

            store.Lines.Count(line => line.Contains("Giving up", StringComparison.Ordinal)).ShouldBe(1, "the poison message is logged once");
            store.Lines.ShouldNotContain(line => line.Contains("R-FAULT", StringComparison.Ordinal) || line.Contains("R-RETRY", StringComparison.Ordinal));
            list.ExitCode.ShouldBe(0, list.ToString());
            list.Output.ShouldContain(line => line.StartsWith($"{ErrorQueue}\t1\toldest ", StringComparison.Ordinal), list.ToString());
            list.Output.ShouldContain(line => line.Contains("1× ", StringComparison.Ordinal) && line.Contains(Constraint, StringComparison.Ordinal), list.ToString());
            list.Output.ShouldContain($"{ErrorQueue.Replace("enriched", "rejected", StringComparison.Ordinal)}\t0");
            using (var shown = JsonDocument.Parse(show.Output.ShouldHaveSingleItem()))
            {
                shown.RootElement.GetProperty("articleId").GetString().ShouldBe(poison.ArticleId.ToString());
                shown.RootElement.GetProperty("sourceQueue").GetString().ShouldBe(Queue);
                shown.RootElement.GetProperty("reason").GetString()!.ShouldContain(Constraint);
            }

            replay.ExitCode.ShouldBe(0, replay.ToString());
            replay.Output.ShouldContain("1 replayed, 0 kept in " + ErrorQueue);
            (await QueueDepth.CountAsync(factory, ErrorQueue)).ShouldBe(0u);
            (await StoreDatabase.CountArticleAsync(connectionString, poison.ArticleId)).ShouldBe(1);
            await Eventually.UntilAsync(async () => await StoreDatabase.PendingAsync(connectionString) == 0, Deadline, "the outbox is empty");
            topic.Records.Count(r => r.MessageId == poison.ArticleId.ToString()).ShouldBe(1);
        }
        finally
        {
            await store.DisposeAsync();
            await TestDirectory.DeleteAsync(claims);
        }
    }

    [Fact]
    public async Task Replay_OfAMessageStoredMeanwhile_IsANoOp()
    {
        var (store, factory, amqp, connectionString, claims) = await StartStoreAsync();
        await using var topic = await TopicSubscriber.StartAsync(factory, "article.#");
        try
        {
            var article = EnrichedMessages.Create("ferry slip");
            await PublishAsync(factory, article);
            await Eventually.UntilAsync(() => topic.Records.Count == 1, Deadline, "the article is published");

            // A copy of the same message left in the error queue (say, by an earlier failed attempt elsewhere).
            await PutInErrorQueueAsync(factory, article, $"rabbitmq://{broker.Node.Host}/{Queue}");
            var replay = await NewsIngestCli.RunAsync("errors", "replay", ErrorQueue, "--amqp", amqp, "--id", article.ArticleId.ToString());
            await store.Process.WaitForOutputAsync(line => line.Contains("redelivery ignored", StringComparison.Ordinal), Deadline);

            replay.Output.ShouldContain("1 replayed, 0 kept in " + ErrorQueue, replay.ToString());
            (await StoreDatabase.CountArticleAsync(connectionString, article.ArticleId)).ShouldBe(1);
            (await StoreDatabase.PendingAsync(connectionString)).ShouldBe(0);
            topic.Records.Count(r => r.MessageId == article.ArticleId.ToString()).ShouldBe(1);
            (await QueueDepth.CountAsync(factory, ErrorQueue)).ShouldBe(0u);
        }
        finally
        {
            await store.DisposeAsync();
            await TestDirectory.DeleteAsync(claims);
        }
    }

    [Fact]
    public async Task Malformed_AndHugeMessage_OnTheStoreQueue_IsLoggedOnceShortAndGoesToTheErrorQueue()
    {
        var (store, factory, _, _, claims) = await StartStoreAsync();
        try
        {
            var marker = new string('x', 200) + "-MARKER";
            var body = Encoding.UTF8.GetBytes("{\"messageType\": [\"urn:message:NewsIngest.Contracts:ArticleEnriched\"], \"message\": " + string.Concat(Enumerable.Repeat(marker, 5_000)));
            await using (var connection = await factory.CreateConnectionAsync())
            await using (var channel = await EnrichedMessages.ConfirmingChannelAsync(connection))
            {
                await channel.BasicPublishAsync(EnrichedMessages.Exchange, string.Empty, mandatory: false, EnrichedMessages.Properties(), body);
            }

            await Eventually.UntilAsync(async () => await QueueDepth.CountAsync(factory, ErrorQueue) == 1, Deadline, "the malformed message reaches the error queue");
            await store.Process.WaitForOutputAsync(line => line.Contains("could not be read", StringComparison.Ordinal), Deadline);

            foreach (var line in store.Lines.Where(l => l.Contains("\"@l\"", StringComparison.Ordinal)))
            {
                TestContext.Current.TestOutputHelper?.WriteLine(line.Length > 600 ? line[..600] + "…" : line);
            }

            store.Lines.Count(line => line.Contains("could not be read", StringComparison.Ordinal) && line.Contains(Queue, StringComparison.Ordinal)).ShouldBe(1);
            store.Lines.ShouldNotContain(line => line.Contains(marker, StringComparison.Ordinal), "no log line carries the message's values");
            store.Lines.ShouldAllBe(line => line.Length < 20_000);
            store.Lines.ShouldNotContain(line => line.Contains("R-FAULT", StringComparison.Ordinal));
        }
        finally
        {
            await store.DisposeAsync();
            await TestDirectory.DeleteAsync(claims);
        }
    }

    private async Task<(StoreProcess Store, ConnectionFactory Factory, string Amqp, string ConnectionString, string Claims)> StartStoreAsync()
    {
        var vhost = await broker.Node.CreateVirtualHostAsync();
        var connectionString = await database.Server.CreateDatabaseAsync();
        var claims = TestDirectory.Create("error-queues");
        var store = StoreProcess.Start(broker.Node, vhost, connectionString, claims, new Dictionary<string, string?> { ["Messaging__RetryLimit"] = "1" });
        await store.WaitUntilStartedAsync(Deadline);
        return (store, broker.Node.CreateConnectionFactory(vhost), broker.Node.AmqpUriFor(vhost).ToString(), connectionString, claims);
    }

    private static async Task PublishAsync(ConnectionFactory factory, params NewsIngest.Contracts.ArticleEnriched[] messages)
    {
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await EnrichedMessages.ConfirmingChannelAsync(connection);
        foreach (var message in messages)
        {
            await EnrichedMessages.PublishAsync(channel, message);
        }
    }

    /// <summary>A message in the error queue as MassTransit leaves one: the body, and fault headers naming the input queue.</summary>
    private static async Task PutInErrorQueueAsync(ConnectionFactory factory, NewsIngest.Contracts.ArticleEnriched message, string inputAddress)
    {
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await EnrichedMessages.ConfirmingChannelAsync(connection);
        await channel.QueueDeclareAsync(ErrorQueue, durable: true, exclusive: false, autoDelete: false);
        var properties = EnrichedMessages.Properties();
        properties.Headers = new Dictionary<string, object?>
        {
            ["MT-Reason"] = "fault",
            ["MT-Fault-InputAddress"] = inputAddress,
            ["MT-Fault-Message"] = "Exception of an earlier attempt",
            ["MT-Fault-Timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        await channel.BasicPublishAsync(string.Empty, ErrorQueue, mandatory: true, properties, EnrichedMessages.Envelope(message));
    }
}
