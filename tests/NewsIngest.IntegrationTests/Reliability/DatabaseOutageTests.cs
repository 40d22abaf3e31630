using System.Diagnostics;
using System.Net;
using NewsIngest.Contracts;
using NewsIngest.IntegrationTests.Pipeline;
using NewsIngest.IntegrationTests.Store;
using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Reliability;

/// <summary>
/// Issue 9's acceptance for the store: PostgreSQL stopped for 60 s in the middle of a run. The store process, the broker
/// and a PostgreSQL server of this test's own are real; articles keep arriving through the outage. Every article must be
/// stored and published once, nothing may reach an error queue, and <c>/health/ready</c> must say unhealthy during the
/// outage and healthy after.
/// </summary>
public sealed class DatabaseOutageTests(BrokerFixture broker)
{
    private const int Articles = 300;
    private const int OutageAfter = 120;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PublishPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task PostgresStoppedSixtySeconds_MidRun_EveryArticleStoredAndPublishedOnceAndNoErrors()
    {
        await using var database = await PostgresServer.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();
        var vhost = await broker.Node.CreateVirtualHostAsync();
        var factory = broker.Node.CreateConnectionFactory(vhost);
        var claims = TestDirectory.Create("db-outage");
        await using var topic = await TopicSubscriber.StartAsync(factory, "article.#");
        await using var store = StoreProcess.Start(broker.Node, vhost, connectionString, claims);
        try
        {
            await store.WaitUntilStartedAsync(Deadline);
            (await store.ReadinessAsync()).ShouldBe(HttpStatusCode.OK);
            var messages = Enumerable.Range(0, Articles).Select(i => EnrichedMessages.Create($"outage district {i}")).ToList();

            // Articles arrive at a steady pace; PostgreSQL stops after the first OutageAfter and comes back 60 s later.
            var outageStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var publishing = PublishSteadilyAsync(factory, messages, outageStarted);
            await outageStarted.Task.WaitAsync(Deadline);
            await database.PauseAsync();
            var during = await ObserveReadinessAsync(store, Outage);
            await database.ResumeAsync();
            var back = Stopwatch.StartNew();
            await publishing.WaitAsync(Deadline);

            await Eventually.UntilAsync(async () => await store.ReadinessAsync() == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "the store is ready again once PostgreSQL is back");
            await Eventually.UntilAsync(
                () => topic.Records.Select(r => r.MessageId).Distinct().Count() >= Articles,
                Deadline,
                $"all {Articles} articles are published after the outage");
            await Eventually.UntilAsync(async () => await StoreDatabase.PendingAsync(connectionString) == 0, Deadline, "the outbox is empty");
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"outage {Outage.TotalSeconds:0} s: {during.Count(s => s != HttpStatusCode.OK)} of {during.Count} readiness probes unhealthy; all {Articles} published {back.Elapsed.TotalSeconds:0} s after PostgreSQL returned; "
                + $"{topic.Records.Count} topic messages; store log: {store.Lines.Count} lines, {store.Lines.Count(l => l.Contains("\"Warning\"", StringComparison.Ordinal) || l.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal))} warnings");

            during.ShouldContain(HttpStatusCode.ServiceUnavailable, "/health/ready says unhealthy while PostgreSQL is down");
            topic.Records.Count.ShouldBe(Articles, "each article published once, none twice");
            topic.Records.Select(r => r.MessageId).ShouldBe(messages.Select(m => m.ArticleId.ToString()), ignoreOrder: true);
            (await StoreDatabase.StoredOrSightedAsync(connectionString)).ShouldBe(Articles);
            (await QueueDepth.CountAsync(factory, "store-article-enriched_error")).ShouldBe(0u);
            (await QueueDepth.CountAsync(factory, "store-article-rejected_error")).ShouldBe(0u);
            store.Lines.ShouldNotContain(line => line.Contains("Giving up", StringComparison.Ordinal));
            store.Lines.Count(line => line.Contains("stops taking messages", StringComparison.Ordinal)).ShouldBe(1, "the outage is logged once");
            store.Lines.ShouldContain(line => line.Contains("takes messages again", StringComparison.Ordinal));
            store.Lines.Count(line => line.Contains("Publishing stored records fails", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1, "the outbox says so once too");
        }
        finally
        {
            await TestDirectory.DeleteAsync(claims);
        }
    }

    private static async Task PublishSteadilyAsync(RabbitMQ.Client.ConnectionFactory factory, List<ArticleEnriched> messages, TaskCompletionSource outageStarted)
    {
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await EnrichedMessages.ConfirmingChannelAsync(connection);
        for (var i = 0; i < messages.Count; i++)
        {
            await EnrichedMessages.PublishAsync(channel, messages[i]);
            if (i + 1 == OutageAfter)
            {
                outageStarted.TrySetResult();
            }

            await Task.Delay(PublishPause);
        }
    }

    /// <summary>Polls /health/ready for the length of the outage: the fault's duration, not a wait for a condition.</summary>
    private static async Task<IReadOnlyList<HttpStatusCode>> ObserveReadinessAsync(StoreProcess store, TimeSpan duration)
    {
        var statuses = new List<HttpStatusCode>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            statuses.Add(await store.ReadinessAsync());
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return statuses;
    }
}
