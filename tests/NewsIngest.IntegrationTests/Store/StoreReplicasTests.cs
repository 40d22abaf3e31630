using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.IntegrationTests.Pipeline;
using NewsIngest.Testing;
using RabbitMQ.Client;

namespace NewsIngest.IntegrationTests.Store;

/// <summary>
/// Three store processes compete for one queue over one broker and one database; every article arrives
/// twice (a redelivery) and once more as a copy under another id. Each must be stored and published once.
/// </summary>
public sealed class StoreReplicasTests(BrokerFixture broker, DatabaseFixture database)
{
    private const int Articles = 12;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ThreeReplicas_RedeliveriesAndCopies_StoreAndPublishEachArticleOnce()
    {
        var vhost = await broker.Node.CreateVirtualHostAsync();
        var connectionString = await database.Server.CreateDatabaseAsync();
        var claims = TestDirectory.Create("store-replicas");
        await using var subscriber = await TopicSubscriber.StartAsync(broker.Node.CreateConnectionFactory(vhost), "article.stored.#");
        await using var updates = await TopicSubscriber.StartAsync(broker.Node.CreateConnectionFactory(vhost), "article.updated.#");
        var replicas = Enumerable.Range(0, 3).Select(_ => StartStore(vhost, connectionString, claims)).ToList();
        try
        {
            foreach (var replica in replicas)
            {
                await replica.WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), Deadline);
            }

            var messages = Enumerable.Range(0, Articles).SelectMany(Variants).OrderBy(_ => Random.Shared.Next()).ToList();
            await PublishAsync(vhost, messages);

            await Eventually.UntilAsync(
                () => replicas.Sum(r => r.Lines.Count(IsStoreDecision)) == messages.Count,
                Deadline,
                $"the replicas decide on all {messages.Count} messages");
            await Eventually.UntilAsync(async () => await StoreDatabase.PendingAsync(connectionString) == 0 && subscriber.Records.Count >= Articles && updates.Records.Count >= Articles, Deadline, "every record and every sighting is published");

            (await StoreDatabase.CountArticlesAsync(connectionString)).ShouldBe(Articles);
            subscriber.Records.Count.ShouldBe(Articles);
            subscriber.Records.Select(r => r.ArticleId).Distinct().Count().ShouldBe(Articles);
            updates.Records.Count.ShouldBe(Articles, "one update per copy, none for the redeliveries");
            replicas.Count(r => r.Lines.Any(IsStoreDecision)).ShouldBeGreaterThan(1, "the replicas compete for the queue");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            await TestDirectory.DeleteAsync(claims);
        }
    }

    private static bool IsStoreDecision(string line) =>
        line.Contains("Stored article", StringComparison.Ordinal)
        || line.Contains("redelivery ignored", StringComparison.Ordinal)
        || line.Contains("another sighting of story", StringComparison.Ordinal);

    /// <summary>The article, the same message again, and a copy of its text under another id.</summary>
    private static IEnumerable<ArticleEnriched> Variants(int index)
    {
        var (title, text) = WireArticles.Create($"replica test {index}");
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..^1];
        var original = new ArticleEnriched
        {
            ArticleId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
            EnrichedAt = DateTimeOffset.UtcNow,
            Article = new ParsedArticle { Title = title, Paragraphs = paragraphs, Source = "Replica Wire" },
            Enrichment = new ArticleEnrichment { Language = "en", LanguageConfidence = 0.99, WordCount = 90, ReadingTimeMinutes = 1 },
        };
        return [original, original, original with { ArticleId = Guid.NewGuid(), Article = original.Article with { Title = title.ToUpperInvariant() } }];
    }

    private ServiceProcess StartStore(string vhost, string connectionString, string claims)
    {
        var environment = new Dictionary<string, string?>(broker.Node.TransportEnvironment(vhost))
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__ClaimCheckPath"] = claims,
            ["Store__Provider"] = "Postgres",
            ["Store__ConnectionString"] = connectionString,
            ["Logs__Format"] = "json",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        return ServiceProcess.StartDll(RepositoryPaths.ServiceDll("NewsIngest.Store"), environment);
    }

    private async Task PublishAsync(string vhost, IReadOnlyList<ArticleEnriched> messages)
    {
        await using var connection = await broker.Node.CreateConnectionFactory(vhost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var message in messages)
        {
            await EnrichedMessages.PublishAsync(channel, message);
        }
    }
}
