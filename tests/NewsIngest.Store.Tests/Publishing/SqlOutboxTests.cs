using NewsIngest.Contracts;
using NewsIngest.Data;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Records;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Publishing;

/// <summary>The outbox's lease, mark and release on both databases (PostgreSQL is a real throwaway server).</summary>
public sealed class SqlOutboxTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken Token = CancellationToken.None;
    private readonly BackendStores _stores = new(database);

    public static TheoryData<string> Backends => BackendStores.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Claim_RowsLeasedByAnotherDispatcher_AreSkipped(string backend)
    {
        var (repository, outbox, _) = await StoreAsync(backend);
        await SaveAsync(repository, 3);

        var first = await outbox.ClaimAsync(OutboxLanes.Records, 10, Lease, Token);
        var second = await outbox.ClaimAsync(OutboxLanes.Records, 10, Lease, Token);

        first.Count.ShouldBe(3);
        second.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Claim_AfterADispatcherDiedMidBatch_OnlyTheUnmarkedRowsComeBackOnceTheLeaseRunsOut(string backend)
    {
        var (repository, outbox, clock) = await StoreAsync(backend);
        var saved = await SaveAsync(repository, 5);
        var claimed = await outbox.ClaimAsync(OutboxLanes.Records, 10, Lease, Token);
        foreach (var record in claimed.Take(2))
        {
            await outbox.MarkPublishedAsync(OutboxLanes.Records, record.ArticleId, Token);
        }

        // The dispatcher dies here: no release. Before its lease runs out nobody takes the rows; after it, someone does.
        var beforeExpiry = await outbox.ClaimAsync(OutboxLanes.Records, 10, Lease, Token);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = await outbox.ClaimAsync(OutboxLanes.Records, 10, Lease, Token);

        beforeExpiry.ShouldBeEmpty();
        afterExpiry.Select(r => r.ArticleId).ShouldBe(saved.Skip(2).Select(r => r.ArticleId), ignoreOrder: true);
        (await repository.CountPendingAsync(Token)).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Release_UnpublishedRows_AreClaimableAtOnce(string backend)
    {
        var (repository, outbox, _) = await StoreAsync(backend);
        await SaveAsync(repository, 2);
        var claimed = await outbox.ClaimAsync(OutboxLanes.Records, 10, Lease, Token);

        await outbox.ReleaseAsync(OutboxLanes.Records, [.. claimed.Select(r => r.ArticleId)], Token);

        (await outbox.ClaimAsync(OutboxLanes.Records, 10, Lease, Token)).Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Claim_SightingOfAStoryNotYetPublished_WaitsForTheStory(string backend)
    {
        var (repository, outbox, _) = await StoreAsync(backend);
        var story = (await SaveAsync(repository, 1))[0];
        var copy = StoredRecordFactory.Create(Articles.Enriched("Copy of the story", "Another site ran it."), DateTimeOffset.UtcNow);
        (await repository.AddSightingAsync(story.ArticleId, copy, 0.9, "test copy", null, Token)).ShouldBeTrue();

        var beforeStory = await outbox.ClaimAsync(OutboxLanes.Sightings, 10, Lease, Token);
        await outbox.MarkPublishedAsync(OutboxLanes.Records, story.ArticleId, Token);
        var afterStory = await outbox.ClaimAsync(OutboxLanes.Sightings, 10, Lease, Token);

        beforeStory.ShouldBeEmpty();
        afterStory.ShouldHaveSingleItem().ArticleId.ShouldBe(copy.ArticleId);
        afterStory[0].StoryId.ShouldBe(story.ArticleId);
    }

    [Fact]
    public async Task Claim_TwoReplicasAtOnce_TakeDisjointRows()
    {
        var (repository, outbox, _) = await StoreAsync("postgres");
        await SaveAsync(repository, 40);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => outbox.ClaimAsync(OutboxLanes.Records, 10, Lease, Token)));

        var ids = claims.SelectMany(c => c.Select(r => r.ArticleId)).ToList();
        ids.Count.ShouldBe(40);
        ids.Distinct().Count().ShouldBe(40);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    private async Task<(SqlArticleRepository Repository, SqlOutbox Outbox, ShiftedClock Clock)> StoreAsync(string backend)
    {
        var dialect = await _stores.CreateAsync(backend);
        var repository = new SqlArticleRepository(dialect);
        var clock = new ShiftedClock();
        return (repository, new SqlOutbox(dialect, clock), clock);
    }

    private static async Task<IReadOnlyList<ArticleStored>> SaveAsync(SqlArticleRepository repository, int count)
    {
        var records = new List<ArticleStored>();
        for (var i = 0; i < count; i++)
        {
            var record = StoredRecordFactory.Create(Articles.Enriched($"Outbox story {i}", $"Paragraph {i} of its own."), DateTimeOffset.UtcNow.AddSeconds(i));
            await repository.SaveAsync(record, new StoryFacts([(byte)i], null), Token);
            records.Add(record);
        }

        return records;
    }
}
