using NewsIngest.Store.Stories;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>Copies made at run time of the shared sample article (read from <c>../shared/samples</c>,
/// never copied into the repository): a longer real text than our own pair set, through the store's
/// deduplicator on SQLite.</summary>
public sealed class SeedArticleVariantTests
{
    private static readonly string SeedPath = Path.Combine(RepositoryPaths.SharedData, "samples", "seed-article.txt");

    [Fact]
    public async Task StoreAsync_SyndicatedCopyOfTheSeed_IsASightingOfIt()
    {
        // Arrange
        var (store, story, seed) = await StoreWithSeedAsync();
        await using var _ = store;
        string[] copy = ["By A. Correspondent", .. seed.Paragraphs, "Copyright 2026 Example Wire. All rights reserved.", "Source: Example Wire"];

        // Act
        var decision = await store.StoreAsync(new TextArticle("copy", "Another headline for the same story", copy));

        // Assert
        decision.Outcome.ShouldBe(StoryOutcome.Sighting);
        decision.StoryId.ShouldBe(story);
    }

    [Fact]
    public async Task StoreAsync_FirstHalfOfTheSeed_IsASightingOfIt()
    {
        // Arrange
        var (store, story, seed) = await StoreWithSeedAsync();
        await using var _ = store;
        var half = seed.Paragraphs.Take((seed.Paragraphs.Count + 1) / 2).Append("Read more: the full analysis");

        // Act
        var decision = await store.StoreAsync(new TextArticle("half", seed.Title, [.. half]));

        // Assert
        decision.Outcome.ShouldBe(StoryOutcome.Sighting);
        decision.StoryId.ShouldBe(story);
    }

    [Fact]
    public async Task StoreAsync_SeedWithTwoParagraphsDropped_IsASightingOfIt()
    {
        // Arrange
        var (store, story, seed) = await StoreWithSeedAsync();
        await using var _ = store;
        var edited = seed.Paragraphs.Where((_, i) => i != 1 && i != seed.Paragraphs.Count / 2).ToList();

        // Act
        var decision = await store.StoreAsync(new TextArticle("edited", seed.Title, edited));

        // Assert
        decision.Outcome.ShouldBe(StoryOutcome.Sighting);
        decision.StoryId.ShouldBe(story);
    }

    [Fact]
    public async Task StoreAsync_SecondHalfOnly_IsANewStory()
    {
        // Arrange: the later half alone opens differently from the seed and shares only half its text.
        var (store, _, seed) = await StoreWithSeedAsync();
        await using var __ = store;
        var secondHalf = seed.Paragraphs.Skip((seed.Paragraphs.Count + 1) / 2).ToList();

        // Act
        var decision = await store.StoreAsync(new TextArticle("second-half", "A later part", secondHalf));

        // Assert
        decision.Outcome.ShouldBe(StoryOutcome.NewStory);
    }

    private static async Task<(DedupStore Store, Guid Story, TextArticle Seed)> StoreWithSeedAsync()
    {
        var seed = TextArticle.Parse("seed", File.ReadAllText(SeedPath));
        var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        var story = (await store.StoreAsync(seed)).StoryId;
        return (store, story, seed);
    }
}
