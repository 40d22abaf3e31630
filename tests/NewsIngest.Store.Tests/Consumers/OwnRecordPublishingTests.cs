using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Contracts;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Publishing;
using NewsIngest.Store.Stories;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Consumers;

/// <summary>
/// A store replica publishes the records it stores from memory: the outbox row is written leased to it, so no claim (its
/// own or another replica's) takes the row meanwhile; a record it could not publish within half its lease goes out by a
/// claim once the lease has run out, once. Both databases (PostgreSQL a real throwaway server).
/// </summary>
public sealed class OwnRecordPublishingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Lease = new StoreOptions().OutboxLease;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private readonly BackendStores _stores = new(database);

    public static TheoryData<string> Backends => BackendStores.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Consume_NewStory_IsLeasedToThisReplicaAndPublishedFromMemoryOnce(string backend)
    {
        var message = Articles.Enriched("Lighthouse Relit", "The keepers lit the lamp again after ten years.");
        var (provider, harness, repository, _) = await StoredAsync(backend, message);
        await using var disposeProvider = provider;
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();

        var claimedMeanwhile = await dispatcher.DispatchPendingAsync(CancellationToken.None);
        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(async () => await repository.CountPendingAsync(CancellationToken.None) == 0, Within, "the replica publishes its own record");
        await dispatcher.StopAsync(CancellationToken.None);

        claimedMeanwhile.ShouldBe(0, "a claim skips a row leased to the replica that stored it");
        var published = await harness.Published.SelectAsync<ArticleStored>().ToListAsync();
        published.ShouldHaveSingleItem().Context.MessageId.ShouldBe(message.ArticleId);
        published[0].Context.Message.Article.Title.ShouldBe("Lighthouse Relit");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Dispatch_OwnRecordPastHalfItsLease_GoesOutByAClaimOnceTheLeaseHasRunOut(string backend)
    {
        var message = Articles.Enriched("Bridge Inspected", "Engineers found the old bridge sound.");
        var (provider, harness, repository, clock) = await StoredAsync(backend, message);
        await using var disposeProvider = provider;
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();

        // The dispatcher comes to the record past half its lease: it leaves it, and nobody may claim it yet.
        clock.Advance((Lease / 2) + TimeSpan.FromSeconds(1));
        await dispatcher.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var beforeExpiry = await harness.Published.SelectAsync<ArticleStored>().Count();
        clock.Advance(Lease);
        await Eventually.UntilAsync(async () => await repository.CountPendingAsync(CancellationToken.None) == 0, Within, "a claim publishes the record once its lease has run out");
        await dispatcher.StopAsync(CancellationToken.None);

        beforeExpiry.ShouldBe(0, "within its lease only the replica that stored it publishes the record");
        (await harness.Published.SelectAsync<ArticleStored>().ToListAsync()).ShouldHaveSingleItem().Context.MessageId.ShouldBe(message.ArticleId);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    /// <summary>The store's consumer and dispatcher over a fresh <paramref name="backend"/> database, the deduplicator
    /// leasing new records to this process as the service's does, once it has consumed <paramref name="message"/>.</summary>
    private async Task<(ServiceProvider Provider, ITestHarness Harness, SqlArticleRepository Repository, ShiftedClock Clock)> StoredAsync(string backend, ArticleEnriched message)
    {
        var dialect = await _stores.CreateAsync(backend);
        var clock = new ShiftedClock();
        var repository = new SqlArticleRepository(dialect);
        var provider = StoreConsumerHarness.Create(repository, new SqlOutbox(dialect, clock), services => services
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new StoryDeduplicator(repository) { OwnPublishLease = Lease }));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        await harness.Bus.Publish(message);
        (await harness.Consumed.Any<ArticleEnriched>()).ShouldBeTrue();
        return (provider, harness, repository, clock);
    }
}
