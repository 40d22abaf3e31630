using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NewsIngest.Contracts;
using NewsIngest.Store.Consumers;
using NewsIngest.Store.Dedup;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Records;
using NewsIngest.Store.Stories;
using NewsIngest.Store.Tests.Consumers;
using NewsIngest.Store.Tests.Dedup;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Hostile;

/// <summary>
/// Issue 10, row 9: a page whose rel=canonical names another site's article, or an article of its own site whose text
/// it does not share, must not become a sighting of that story.
/// </summary>
public sealed class CanonicalPoisoningTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] BridgeStory =
    [
        "The harbour bridge reopened to traffic on Monday after two years of repairs to its steel deck, its cables and the approach ramps on both banks.",
        "Engineers replaced more than four hundred corroded plates and repainted the towers, the council said, and the work finished a month ahead of the revised plan.",
        "Buses return to the bridge route next week, while cyclists get a separate lane on the eastern side that the old layout never had room for.",
    ];

    private static readonly string[] UnrelatedText =
    [
        "Order our premium supplements today and receive a second bottle free with every purchase made before the end of the month.",
        "Thousands of satisfied customers already trust our formula, which ships in discreet packaging to any address within three working days.",
    ];

    [Fact]
    public async Task Consume_SameSiteCanonicalOverUnrelatedText_IsANewStoryWithAWarning()
    {
        // Arrange: PostgreSQL, the store's consumer in the test harness, a logger that keeps its lines.
        await using var store = await DedupStore.CreateAsync(DedupStore.Postgres, database);
        var logger = new FakeLogger<ArticleEnrichedConsumer>();
        await using var provider = StoreConsumerHarness.Create(
            store.Repository, new SqlOutbox(store.Dialect, TimeProvider.System), services => services.AddSingleton<ILogger<ArticleEnrichedConsumer>>(logger));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var original = Page(Articles.Enriched("Harbour bridge reopens", BridgeStory), "https://www.coastnews.example/2026/bridge-reopens", null);
        var poison = Page(Articles.Enriched("Harbour bridge reopens", UnrelatedText), "https://blogs.coastnews.example/u/9/pills", "https://coastnews.example/2026/bridge-reopens");

        // Act: one after the other, so the original is stored when the poison is decided on.
        await harness.Bus.Publish(original);
        await DecidedAsync(logger, original.ArticleId);
        await harness.Bus.Publish(poison);
        await DecidedAsync(logger, poison.ArticleId);

        // Assert: two stories, the second its own, and one warning naming the article, the URL and the story.
        (await store.CountAsync("articles")).ShouldBe(2);
        (await store.CountAsync("sightings")).ShouldBe(2);
        var warning = logger.Collector.GetSnapshot().Where(line => line.Level == LogLevel.Warning).ShouldHaveSingleItem();
        warning.Message.ShouldStartWith($"Article {poison.ArticleId} names canonical URL https://coastnews.example/2026/bridge-reopens of story {original.ArticleId} but its text is unrelated");
        warning.StructuredState!.ShouldContain(pair => pair.Key == "CanonicalStoryId" && pair.Value == original.ArticleId.ToString());
        logger.Collector.GetSnapshot().ShouldContain(line => line.Message.StartsWith($"Stored article {poison.ArticleId} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoreAsync_SameSiteCanonicalOverAnUpdatedText_IsASighting()
    {
        // Arrange: the update puts two new paragraphs on top (another opening, Jaccard near 0.55: apart by the text alone).
        await using var store = await DedupStore.CreateAsync(DedupStore.Postgres, database);
        var original = Page(Articles.Enriched("Harbour bridge reopens", BridgeStory), "https://www.coastnews.example/2026/bridge-reopens", null);
        string[] updated =
        [
            "Update: a lorry broke down on the eastern ramp on Monday evening and closed one lane for three hours, the police said, before traffic flowed normally again.",
            "Drivers queued back to the ring road during the closure, and the council promised a tow truck on standby at the bridge for the first weeks of the reopening.",
            .. BridgeStory,
        ];
        var update = Page(Articles.Enriched("Bridge reopens, lorry blocks ramp", updated), "https://amp.coastnews.example/b/4411", "https://coastnews.example/2026/bridge-reopens");

        // Act
        var first = await store.Stories.StoreAsync(StoredRecordFactory.Create(original, DateTimeOffset.UtcNow), CancellationToken.None);
        var second = await store.Stories.StoreAsync(StoredRecordFactory.Create(update, DateTimeOffset.UtcNow), CancellationToken.None);

        // Assert
        second.Outcome.ShouldBe(StoryOutcome.Sighting);
        second.StoryId.ShouldBe(first.StoryId);
        second.Reason.ShouldStartWith("same canonical URL https://coastnews.example/2026/bridge-reopens (containment ");
        second.IgnoredCanonicalUrl.ShouldBeNull();
    }

    [Fact]
    public async Task StoreAsync_CanonicalNamingAnotherSitesStory_IsANewStory()
    {
        // Arrange
        await using var store = await SqliteStore.CreateAsync();
        var dedup = new StoryDeduplicator(store.Repository);
        var original = Articles.Enriched("Harbour bridge reopens", "The harbour bridge reopened on Monday after two years of repairs to its steel deck and cables.");
        original = original with { Article = original.Article with { Url = "https://www.coastnews.example/bridge-reopens" } };
        var poison = Articles.Enriched("Buy cheap pills", "An unrelated advertising text that wants to be listed as a sighting of a trusted story.");
        poison = poison with { Article = poison.Article with { Url = "https://spam.example/pills", CanonicalUrl = "https://coastnews.example/bridge-reopens" } };

        // Act
        var first = await dedup.StoreAsync(StoredRecordFactory.Create(original, DateTimeOffset.UtcNow), CancellationToken.None);
        var second = await dedup.StoreAsync(StoredRecordFactory.Create(poison, DateTimeOffset.UtcNow), CancellationToken.None);

        // Assert
        first.Outcome.ShouldBe(StoryOutcome.NewStory);
        second.Outcome.ShouldBe(StoryOutcome.NewStory);
        second.Reason.ShouldBe("new story");
    }

    [Theory]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("news.example.com", "example.com")]
    [InlineData("a.b.example.com.au", "example.com.au")]
    [InlineData("example.org", "example.org")]
    public void RegistrableDomain_Hosts_KeepsTheSiteLabels(string host, string expected) =>
        CanonicalUrlRule.RegistrableDomain(host).ShouldBe(expected);

    /// <summary>Awaits the consumer's line for the article's decision (a new story or a sighting).</summary>
    private static Task DecidedAsync(FakeLogger<ArticleEnrichedConsumer> logger, Guid articleId) =>
        Eventually.UntilAsync(
            () => Task.FromResult(logger.Collector.GetSnapshot().Any(line => line.Message.StartsWith($"Stored article {articleId} ", StringComparison.Ordinal)
                || line.Message.StartsWith($"Article {articleId} is another sighting", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(60),
            $"the store decides on article {articleId}");

    private static ArticleEnriched Page(ArticleEnriched article, string url, string? canonicalUrl) =>
        article with { Article = article.Article with { Url = url, CanonicalUrl = canonicalUrl } };
}
