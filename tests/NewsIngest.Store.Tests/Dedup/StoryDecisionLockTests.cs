using NewsIngest.Data;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Stories;
using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>
/// Story decisions on PostgreSQL lock only their own keys: unrelated ones run at once, ones that could match
/// each other take turns, so two replicas never make two stories of one.
/// </summary>
public sealed class StoryDecisionLockTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task BeginStoryDecision_UnrelatedKeys_RunsWhileAnotherIsOpenAndSharedKeysWait()
    {
        // Arrange
        await using var store = await DedupStore.CreateAsync(DedupStore.Postgres, database);
        var since = DateTimeOffset.UtcNow.AddDays(-1);
        await using var first = await store.Repository.BeginStoryDecisionAsync(Keys(since, 11, 12, 13), CancellationToken.None);

        // Act
        var unrelated = store.Repository.BeginStoryDecisionAsync(Keys(since, 21, 22), CancellationToken.None);
        var sharing = store.Repository.BeginStoryDecisionAsync(Keys(since, 13, 31), CancellationToken.None);

        // Assert: the unrelated decision opens while the first is open; the one sharing band 13 waits on its lock.
        await using (await unrelated.WaitAsync(Deadline))
        {
        }

        await Eventually.UntilAsync(() => WaitingOnAdvisoryLockAsync(store.ConnectionString!), Deadline, "the decision sharing a key waits for the lock");
        sharing.IsCompleted.ShouldBeFalse();
        await first.DisposeAsync();
        await using (await sharing.WaitAsync(Deadline))
        {
        }
    }

    [Fact]
    public async Task StoreAsync_CopiesOnTwoReplicasAtOnce_MakeOneStoryEach()
    {
        // Arrange: two deduplicators with their own connection pools, like two store replicas.
        await using var store = await DedupStore.CreateAsync(DedupStore.Postgres, database);
        var replicas = new[] { store.Stories, new StoryDeduplicator(new SqlArticleRepository(SqlDialect.Postgres(store.ConnectionString!))) };
        var names = PairSet.Load().Where(pair => pair.Same).Select(pair => (pair.First, pair.Second)).ToList();

        // Act: each pair's two texts decided at the same moment, one on each replica.
        var decisions = new List<StoryDecision[]>();
        foreach (var (first, second) in names)
        {
            decisions.Add(await Task.WhenAll(replicas[0].StoreAsync(first.Record(DateTimeOffset.UtcNow), CancellationToken.None), replicas[1].StoreAsync(second.Record(DateTimeOffset.UtcNow), CancellationToken.None)));
            await store.ResetAsync();
        }

        // Assert: never two new stories for one pair.
        decisions.Count(pair => pair.All(d => d.Outcome == StoryOutcome.NewStory)).ShouldBeLessThanOrEqualTo(names.Count / 20, "pairs the matcher misses may both be new; copies found must never be");
        decisions.Count(pair => pair.Count(d => d.Outcome == StoryOutcome.NewStory) == 1 && pair[0].StoryId == pair[1].StoryId).ShouldBeGreaterThanOrEqualTo(names.Count * 19 / 20);
    }

    [Fact]
    public async Task MigrateAsync_VersionsWithoutBandRows_AreBackfilledAndFound()
    {
        // Arrange: a story stored before band keys had their table (no band rows, not banded).
        await using var store = await DedupStore.CreateAsync(DedupStore.Postgres, database);
        var story = (await store.StoreAsync(TextArticle.Named("rovers"))).StoryId;
        await ExecuteAsync(store.ConnectionString!, "DELETE FROM story_bands; UPDATE story_versions SET banded = false");
        (await store.StoreAsync(TextArticle.Named("rovers-syndicated"))).StoryId.ShouldNotBe(story, "without band rows nothing is found");

        // Act
        await store.Repository.MigrateAsync(CancellationToken.None);
        var decision = await store.StoreAsync(TextArticle.Named("rovers-edited"));

        // Assert
        decision.StoryId.ShouldBe(story);
    }

    private static StoryKeys Keys(DateTimeOffset since, params uint[] bands) =>
        new(Guid.NewGuid(), Guid.NewGuid().ToString("N"), null, bands, since);

    private static async Task<bool> WaitingOnAdvisoryLockAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
