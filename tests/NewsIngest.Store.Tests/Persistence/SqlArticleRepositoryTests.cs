using NewsIngest.Store.Persistence;
using NewsIngest.Store.Records;
using NewsIngest.Store.Tests.Publishing;

namespace NewsIngest.Store.Tests.Persistence;

public sealed class SqlArticleRepositoryTests
{
    private static readonly StoryFacts Facts = new([1, 2, 3], null);

    [Fact]
    public async Task SaveAsync_NewArticle_IsInserted()
    {
        await using var store = await SqliteStore.CreateAsync();
        var record = StoredRecordFactory.Create(Articles.Enriched("Title", "Body one."), DateTimeOffset.UtcNow);

        var outcome = await store.Repository.SaveAsync(record, Facts, CancellationToken.None);

        outcome.Result.ShouldBe(SaveResult.Inserted);
        (await store.Repository.CountArticlesAsync(CancellationToken.None)).ShouldBe(1);
    }

    [Fact]
    public async Task SaveAsync_SameArticleTwice_SecondIsAlreadyStored()
    {
        await using var store = await SqliteStore.CreateAsync();
        var record = StoredRecordFactory.Create(Articles.Enriched("Title", "Body one."), DateTimeOffset.UtcNow);
        await store.Repository.SaveAsync(record, Facts, CancellationToken.None);
        await store.Outbox.MarkOldestPublishedAsync(10, CancellationToken.None);

        var outcome = await store.Repository.SaveAsync(record, Facts, CancellationToken.None);

        outcome.ShouldBe(new SaveOutcome(SaveResult.AlreadyStored, record.ArticleId));
        (await store.Repository.CountArticlesAsync(CancellationToken.None)).ShouldBe(1);
        (await store.Repository.CountPendingAsync(CancellationToken.None)).ShouldBe(0, "a record already published is not queued again");
    }

    [Fact]
    public async Task SaveAsync_SameTextUnderAnotherId_IsDuplicateOfTheFirst()
    {
        await using var store = await SqliteStore.CreateAsync();
        var first = StoredRecordFactory.Create(Articles.Enriched("Title", "Body one."), DateTimeOffset.UtcNow);
        var copy = StoredRecordFactory.Create(Articles.Enriched("Title", "Body one."), DateTimeOffset.UtcNow);
        await store.Repository.SaveAsync(first, Facts, CancellationToken.None);

        var outcome = await store.Repository.SaveAsync(copy, Facts, CancellationToken.None);

        outcome.Result.ShouldBe(SaveResult.DuplicateContent);
        outcome.ExistingArticleId.ShouldBe(first.ArticleId);
        (await store.Repository.CountArticlesAsync(CancellationToken.None)).ShouldBe(1);
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_KeepsData()
    {
        await using var store = await SqliteStore.CreateAsync();
        await store.Repository.SaveAsync(StoredRecordFactory.Create(Articles.Enriched("T", "B."), DateTimeOffset.UtcNow), Facts, CancellationToken.None);

        await store.Repository.MigrateAsync(CancellationToken.None);

        (await store.Repository.CountArticlesAsync(CancellationToken.None)).ShouldBe(1);
    }
}
