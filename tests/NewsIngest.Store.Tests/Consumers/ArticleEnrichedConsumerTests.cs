using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Contracts;
using NewsIngest.Store.Consumers;
using NewsIngest.Store.Publishing;

namespace NewsIngest.Store.Tests.Consumers;

public sealed class ArticleEnrichedConsumerTests
{
    [Fact]
    public async Task Consume_SameMessageTwice_PublishesOneRecord()
    {
        await using var store = await SqliteStore.CreateAsync();
        await using var provider = Harness(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var message = Articles.Enriched("Ferry Returns", "The ferry returned to service.");

        await harness.Bus.Publish(message);
        await harness.Bus.Publish(message);

        (await AsyncElementListExtensions.Take(harness.Consumed.SelectAsync<ArticleEnriched>(), 2).Count()).ShouldBe(2);
        (await provider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None)).ShouldBe(1);
        (await harness.Published.SelectAsync<ArticleStored>().Count()).ShouldBe(1);
        (await store.Repository.CountArticlesAsync(CancellationToken.None)).ShouldBe(1);
    }

    [Fact]
    public async Task Consume_DuplicateText_IsOneStoredRecordAndOneUpdate()
    {
        await using var store = await SqliteStore.CreateAsync();
        await using var provider = Harness(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var original = Articles.Enriched("Dam Opens", "Water flows again.");
        var copy = Articles.Enriched("Dam opens", "Water flows again!");
        // The copy is sent once the original is consumed: sent together, either can be stored first.
        await harness.Bus.Publish(original);
        (await harness.Consumed.Any<ArticleEnriched>(x => x.Context.Message.ArticleId == original.ArticleId)).ShouldBeTrue();
        await harness.Bus.Publish(copy);

        (await AsyncElementListExtensions.Take(harness.Consumed.SelectAsync<ArticleEnriched>(), 2).Count()).ShouldBe(2);
        (await provider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None)).ShouldBe(2);
        (await harness.Published.SelectAsync<ArticleStored>().Count()).ShouldBe(1);
        var update = (await harness.Published.SelectAsync<ArticleUpdated>().First()).Context;
        update.MessageId.ShouldBe(copy.ArticleId);
        update.Message.StoryId.ShouldBe(original.ArticleId);
        update.Message.Story.Article.Title.ShouldBe("Dam Opens");
    }

    [Fact]
    public async Task DispatchPending_SecondTime_PublishesNothingMore()
    {
        await using var store = await SqliteStore.CreateAsync();
        await using var provider = Harness(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        await harness.Bus.Publish(Articles.Enriched("Tram Returns", "The tram runs again."));
        (await harness.Consumed.Any<ArticleEnriched>()).ShouldBeTrue();
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();

        var first = await dispatcher.DispatchPendingAsync(CancellationToken.None);
        var second = await dispatcher.DispatchPendingAsync(CancellationToken.None);

        (first, second).ShouldBe((1, 0));
        (await store.Repository.CountPendingAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Consume_StoredRecord_CarriesRoutingFieldsAndSchemaVersion()
    {
        await using var store = await SqliteStore.CreateAsync();
        await using var provider = Harness(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var message = Articles.Enriched("Orchard Harvest", "Growers picked a record crop.");

        await harness.Bus.Publish(message);

        (await harness.Consumed.Any<ArticleEnriched>()).ShouldBeTrue();
        await provider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var published = (await harness.Published.SelectAsync<ArticleStored>().First()).Context;
        published.MessageId.ShouldBe(message.ArticleId);
        published.Message.SchemaVersion.ShouldBe(1);
        published.Message.Category.ShouldBe("uncategorized");
        published.Message.CorrelationId.ShouldBe(message.CorrelationId);
    }

    private static ServiceProvider Harness(SqliteStore store) => StoreConsumerHarness.Create(store.Repository, store.Outbox);
}
