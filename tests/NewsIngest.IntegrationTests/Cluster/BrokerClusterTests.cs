using NewsIngest.IntegrationTests.Pipeline;
using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.IntegrationTests.Cluster;

/// <summary>
/// The pipeline over a three-node RabbitMQ cluster: quorum queues (the default), every service given all
/// three nodes. The node leading most queues is killed with SIGKILL mid-run; every article must still be
/// stored once and recorded once on the replicated replay stream.
/// </summary>
public sealed class BrokerClusterTests(DatabaseFixture database, ITestOutputHelper output)
{
    private const int Articles = 24;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Pipeline_LeaderNodeKilledMidRun_StoresAndRecordsEveryArticleOnce()
    {
        // Arrange
        await using var cluster = await RabbitMqCluster.StartAsync();
        var vhost = await cluster.Nodes[0].CreateVirtualHostAsync();
        var connectionString = await database.Server.CreateDatabaseAsync();
        var work = TestDirectory.Create("cluster");
        var inbox = Directory.CreateDirectory(Path.Combine(work, "inbox")).FullName;
        var claims = Directory.CreateDirectory(Path.Combine(work, "claims")).FullName;
        var common = new Dictionary<string, string?>(cluster.TransportEnvironment(vhost))
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__ClaimCheckPath"] = claims,
            ["Logs__Format"] = "json",
        };
        var services = new List<ServiceProcess>();
        try
        {
            services.Add(ClusterProcesses.Start("NewsIngest.Store", common, new() { ["Store__Provider"] = "Postgres", ["Store__ConnectionString"] = connectionString }));
            services.Add(ClusterProcesses.Start("NewsIngest.Enricher", common, []));
            services.Add(ClusterProcesses.Start("NewsIngest.Parser", common, []));
            foreach (var service in services)
            {
                await service.WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), Deadline);
            }

            services.Add(ClusterProcesses.Start("NewsIngest.Fetcher", common, new() { ["Fetcher__InboxPath"] = inbox, ["Fetcher__InboxScanInterval"] = "00:00:00.250" }));
            await services[^1].WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), Deadline);

            // Act: a third of the articles, then the leader's crash, then the rest while the cluster fails over.
            Drop(work, inbox, 0, Articles / 3);
            await Eventually.UntilAsync(async () => await ClusterProcesses.ScalarAsync(connectionString, "SELECT COUNT(*) FROM articles") >= Articles / 6, Deadline, "the first articles are stored");
            var leader = await cluster.LeaderOfMostQueuesAsync(vhost);
            output.WriteLine($"killing node {cluster.Nodes.ToList().IndexOf(leader) + 1} of 3, {leader.NodeName} (leads most quorum queues) with {await ClusterProcesses.ScalarAsync(connectionString, "SELECT COUNT(*) FROM articles")} articles stored");
            await leader.CrashAsync();
            Drop(work, inbox, Articles / 3, Articles);

            await Eventually.UntilAsync(
                async () => await ClusterProcesses.ScalarAsync(connectionString, "SELECT COUNT(*) FROM articles") >= Articles
                    && await ClusterProcesses.ScalarAsync(connectionString, "SELECT COUNT(*) FROM article_outbox") == 0,
                Deadline,
                "every article is stored and published");
            var survivor = cluster.Nodes.First(node => node != leader);
            var recorded = await ReplayStreamReader.ReadAsync(survivor, vhost, Articles, Deadline);

            // Assert
            var stored = await ClusterProcesses.ScalarAsync(connectionString, "SELECT COUNT(*) FROM articles");
            var storedDistinctTitles = await ClusterProcesses.ScalarAsync(connectionString, "SELECT COUNT(DISTINCT title) FROM articles");
            var sightings = await ClusterProcesses.ScalarAsync(connectionString, "SELECT COUNT(*) FROM sightings WHERE article_id <> story_id");
            output.WriteLine($"stored {stored} ({storedDistinctTitles} distinct titles), {sightings} extra sightings, "
                + $"replay stream {recorded.Count} records of {recorded.Distinct().Count()} articles");
            stored.ShouldBe(Articles);
            storedDistinctTitles.ShouldBe(Articles);
            recorded.Distinct().Count().ShouldBe(Articles);
            (recorded.Count - Articles).ShouldBeLessThanOrEqualTo(1, "at most the one record in flight at the crash is published twice");
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }

            await TestDirectory.DeleteAsync(work);
        }
    }

    private static void Drop(string work, string inbox, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var (_, text) = WireArticles.Create($"cluster {i}");
            var temporary = Path.Combine(work, $"{i}.part");
            File.WriteAllText(temporary, text);
            File.Move(temporary, Path.Combine(inbox, $"article-{i}.txt"));
        }
    }
}
