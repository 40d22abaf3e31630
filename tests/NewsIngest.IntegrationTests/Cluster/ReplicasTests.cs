using System.Globalization;
using System.Text.Json;
using NewsIngest.IntegrationTests.Pipeline;
using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.IntegrationTests.Cluster;

/// <summary>
/// Replicas of everything over a three-node RabbitMQ cluster and one PostgreSQL: 2 fetchers sharing the feeds
/// by lease, 2 parsers, 2 enrichers, 3 stores. Every article is stored and published once, no feed is polled
/// twice within its interval, each fetcher polls at least a third of the polls, and store decisions run at the same time.
/// Claim checks are still files: the replicas share one claim-check folder until they move into PostgreSQL.
/// </summary>
public sealed class ReplicasTests(DatabaseFixture database, ITestOutputHelper output)
{
    private const int Feeds = 6;
    private const int EntriesPerFeed = 4;
    private const int Articles = Feeds * EntriesPerFeed;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Replicas_OfEveryService_StoreAndPublishEachArticleOncePollEachFeedOncePerIntervalAndDecideConcurrently()
    {
        // Arrange
        await using var cluster = await RabbitMqCluster.StartAsync();
        var vhost = await cluster.Nodes[0].CreateVirtualHostAsync();
        var storeDatabase = await database.Server.CreateDatabaseAsync();
        var fetcherDatabase = await database.Server.CreateDatabaseAsync();
        await using var feeds = await LoopbackHttpServer.StartAsync();
        var feedPaths = Enumerable.Range(0, Feeds).Select(i => $"/replicas/feed-{i}.xml").ToList();
        foreach (var path in feedPaths)
        {
            feeds.MapResponse(path, StaticResponse.Text(FeedXml(feeds.BaseAddress, path), "application/rss+xml; charset=utf-8"));
        }

        var work = TestDirectory.Create("replicas");
        var claims = Directory.CreateDirectory(Path.Combine(work, "claims")).FullName;
        var common = new Dictionary<string, string?>(cluster.TransportEnvironment(vhost))
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__ClaimCheckPath"] = claims,
            ["Logs__Format"] = "json",
        };
        var stores = new List<ServiceProcess>();
        var others = new List<ServiceProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                stores.Add(ClusterProcesses.Start("NewsIngest.Store", common, new() { ["Store__Provider"] = "Postgres", ["Store__ConnectionString"] = storeDatabase }));
            }

            for (var i = 0; i < 2; i++)
            {
                others.Add(ClusterProcesses.Start("NewsIngest.Enricher", common, []));
                others.Add(ClusterProcesses.Start("NewsIngest.Parser", common, []));
            }

            foreach (var service in stores.Concat(others))
            {
                await service.WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), Deadline);
            }

            var fetcher = new Dictionary<string, string?>
            {
                ["Fetcher__PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture),
                ["Fetcher__FullArticle"] = "Off",
                ["Fetcher__MinHostDelay"] = "00:00:00",
                ["Fetcher__AllowedHosts__0"] = "127.0.0.1",
                ["Fetcher__State__Provider"] = "Postgres",
                ["Fetcher__State__ConnectionString"] = fetcherDatabase,
                ["Fetcher__State__LeaseDuration"] = "00:03:00",
            };
            for (var i = 0; i < Feeds; i++)
            {
                fetcher[$"Fetcher__Feeds__{i}__Url"] = feeds.UrlFor(feedPaths[i]).ToString();
            }

            var fetchers = new List<ServiceProcess>();
            for (var i = 0; i < 2; i++)
            {
                fetcher["Fetcher__InboxPath"] = Directory.CreateDirectory(Path.Combine(work, $"inbox-{i}")).FullName;
                fetcher["Fetcher__State__InstanceId"] = $"replica-fetcher-{i}"; // one host: each replica names its own leases
                fetchers.Add(ClusterProcesses.Start("NewsIngest.Fetcher", common, fetcher));
            }

            others.AddRange(fetchers);

            // Act: the feeds are polled for at least four intervals while the articles flow.
            await Eventually.UntilAsync(
                async () => await ClusterProcesses.ScalarAsync(storeDatabase, "SELECT COUNT(*) FROM articles") >= Articles
                    && await ClusterProcesses.ScalarAsync(storeDatabase, "SELECT COUNT(*) FROM article_outbox") == 0,
                Deadline,
                "every article is stored and published");
            await Eventually.UntilAsync(() => feedPaths.All(path => feeds.RequestCount(path) >= 4), Deadline, "every feed is polled four times");
            var recorded = await ReplayStreamReader.ReadAsync(cluster.Nodes[0], vhost, Articles, Deadline);

            // A poll the feed server has answered is logged by its fetcher only when the poll ends: stop the fetchers
            // gracefully (SIGTERM lets a poll under way finish) so both counts cover the same polls.
            foreach (var replica in fetchers)
            {
                await replica.StopAsync(TimeSpan.FromSeconds(20));
            }

            // Assert
            var stored = await ClusterProcesses.ScalarAsync(storeDatabase, "SELECT COUNT(*) FROM articles");
            var gaps = feedPaths.Select(path => feeds.RequestsTo(path).Select(r => r.ReceivedAt).Order().ToList())
                .SelectMany(times => times.Zip(times.Skip(1), (a, b) => b - a)).ToList();
            var decisions = stores.SelectMany(DecisionsOf).ToList();
            var overlap = MostAtOnce(decisions);
            var alongside = decisions.Max(d => d.Alongside);
            output.WriteLine($"stored {stored}, replay stream {recorded.Count} records of {recorded.Distinct().Count()} articles; "
                + $"feed polls {string.Join(' ', feedPaths.Select(feeds.RequestCount))} by fetchers polling {string.Join('/', fetchers.Select(f => f.Lines.Count(IsPoll)))}; "
                + $"shortest gap between two polls of one feed {gaps.Min().TotalSeconds:F1} s (interval {PollInterval.TotalSeconds} s); "
                + $"store decisions per replica {string.Join('/', stores.Select(s => DecisionsOf(s).Count()))}, at most {overlap} at once across replicas, "
                + $"at most {alongside + 1} at once in one replica");
            stored.ShouldBe(Articles);
            recorded.Count.ShouldBe(Articles);
            recorded.Distinct().Count().ShouldBe(Articles);
            gaps.ShouldAllBe(gap => gap >= PollInterval * 0.75, "no feed is polled twice within one interval");
            fetchers.Sum(f => f.Lines.Count(IsPoll)).ShouldBe(feedPaths.Sum(feeds.RequestCount), "every poll is one fetcher's, under its lease");
            fetchers.ShouldAllBe(f => f.Lines.Count(IsPoll) * 3 >= feedPaths.Sum(feeds.RequestCount), "the fetchers share the feeds: each polls at least a third");
            stores.Count(s => DecisionsOf(s).Any()).ShouldBeGreaterThan(1, "the store replicas compete for the queue");
            Math.Max(overlap, alongside + 1).ShouldBeGreaterThan(1, "store decisions ran concurrently");
        }
        finally
        {
            foreach (var service in others.Concat(stores))
            {
                await service.DisposeAsync();
            }

            await TestDirectory.DeleteAsync(work);
        }
    }

    private static bool IsPoll(string line) => line.Contains("Polled feed", StringComparison.Ordinal);

    /// <summary>Each store decision as its log event tells it: when it ended, how long it took, how many ran beside it.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, int Alongside)> DecisionsOf(ServiceProcess store)
    {
        foreach (var line in store.Lines.Where(l => l.Contains("\"DecisionMs\"", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var end = root.GetProperty("@t").GetDateTimeOffset();
            var alongside = root.TryGetProperty("DecisionsAlongside", out var value) ? value.GetInt32() : 0;
            yield return (end - TimeSpan.FromMilliseconds(root.GetProperty("DecisionMs").GetInt64()), end, alongside);
        }
    }

    private static int MostAtOnce(List<(DateTimeOffset Start, DateTimeOffset End, int Alongside)> decisions) =>
        decisions.Count == 0 ? 0 : decisions.Max(d => decisions.Count(other => other.Start < d.End && d.Start < other.End));

    /// <summary>A feed of its own texts, each entry with its own link (a shared one would make them one story).</summary>
    private static string FeedXml(Uri server, string path)
    {
        var items = Enumerable.Range(0, EntriesPerFeed).Select(i =>
        {
            var (title, text) = WireArticles.Create($"{Path.GetFileNameWithoutExtension(path)} entry {i}");
            var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            return $"<item><guid>{path}#{i}</guid><link>{new Uri(server, $"{path}/{i}")}</link><title>{title}</title><description><![CDATA[{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}]]></description></item>";
        });
        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Replica Gazette</title><link>http://127.0.0.1/replicas/</link>{string.Concat(items)}</channel></rss>""";
    }
}
