using NewsIngest.Store.Stories;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>
/// Story versions older than the dedup window are deleted with their band rows, a bounded batch at a time, on
/// SQLite and PostgreSQL; versions within the window stay and are still found.
/// </summary>
public sealed class StoryWindowSweepTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [InlineData(DedupStore.Sqlite)]
    [InlineData(DedupStore.Postgres)]
    public async Task SweepExpiredVersions_OlderThanTheCutoff_DeletesTheirBandsAndVersionsOnly(string backend)
    {
        // Arrange: two stories seen long ago, one yesterday.
        await using var store = await DedupStore.CreateAsync(backend, database);
        await store.StoreAsync(TextArticle.Named("storm"), Now.AddDays(-45));
        await store.StoreAsync(TextArticle.Named("bridge"), Now.AddDays(-40));
        var recent = (await store.StoreAsync(TextArticle.Named("quake"), Now.AddDays(-1))).StoryId;
        var recentBands = TextArticle.Named("quake").Fingerprint().BandKeys.Distinct().Count();

        // Act
        var swept = await store.Repository.SweepExpiredVersionsAsync(Now.AddDays(-30), 500, CancellationToken.None);

        // Assert: only yesterday's version and its band rows are left, and it is still found.
        swept.ShouldBe(2);
        (await store.CountAsync("story_versions")).ShouldBe(1);
        (await store.CountAsync("story_bands")).ShouldBe(recentBands);
        (await store.StoreAsync(TextArticle.Named("quake-truncated"), Now)).StoryId.ShouldBe(recent);
        (await store.Repository.SweepExpiredVersionsAsync(Now.AddDays(-30), 500, CancellationToken.None)).ShouldBe(0);
    }

    [Theory]
    [InlineData(DedupStore.Sqlite)]
    [InlineData(DedupStore.Postgres)]
    public async Task SweepExpiredVersions_MoreThanTheLimit_DeletesOneBatchPerCall(string backend)
    {
        // Arrange
        await using var store = await DedupStore.CreateAsync(backend, database);
        foreach (var (name, days) in new[] { ("storm", 50), ("bridge", 45), ("court", 40) })
        {
            await store.StoreAsync(TextArticle.Named(name), Now.AddDays(-days));
        }

        // Act
        var first = await store.Repository.SweepExpiredVersionsAsync(Now.AddDays(-30), 2, CancellationToken.None);
        var left = await store.CountAsync("story_versions");
        var second = await store.Repository.SweepExpiredVersionsAsync(Now.AddDays(-30), 2, CancellationToken.None);

        // Assert
        (first, left, second).ShouldBe((2, 1L, 1));
        (await store.CountAsync("story_bands")).ShouldBe(0);
    }

    [Theory]
    [InlineData(DedupStore.Sqlite)]
    [InlineData(DedupStore.Postgres)]
    public async Task StoreAsync_FirstDecisionOfAProcess_SweepsVersionsOlderThanWindowAndGrace(string backend)
    {
        // Arrange: a story that left the window more than the grace ago, one that left it less than the grace ago.
        await using var store = await DedupStore.CreateAsync(backend, database);
        await store.StoreAsync(TextArticle.Named("storm"), Now - store.Stories.Window - StoryDeduplicator.SweepGrace - TimeSpan.FromMinutes(5));
        await store.StoreAsync(TextArticle.Named("bridge"), Now - store.Stories.Window - TimeSpan.FromMinutes(5));
        var replica = new StoryDeduplicator(store.Repository, store.Stories.Window);

        // Act: another replica's first decision.
        var decision = await replica.StoreAsync(TextArticle.Named("court").Record(Now), CancellationToken.None);

        // Assert: the first story's version is gone; the second's (within the grace) and the new one's are kept.
        decision.Outcome.ShouldBe(StoryOutcome.NewStory);
        (await store.CountAsync("story_versions")).ShouldBe(2);
    }
}
