using NewsIngest.Store.Dedup;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>Copies made at run time of the shared sample article (read from <c>../shared/samples</c>,
/// never copied into the repository): a longer real text than our own pair set.</summary>
public sealed class SeedArticleVariantTests
{
    private static readonly string SeedPath = Path.Combine(RepositoryPaths.SharedData, "samples", "seed-article.txt");

    [Fact]
    public void FindMatch_SyndicatedCopyOfTheSeed_FindsIt()
    {
        // Arrange
        var (index, story, seed) = IndexWithSeed();
        string[] copy = ["By A. Correspondent", .. seed.Paragraphs, "Copyright 2026 Example Wire. All rights reserved.", "Source: Example Wire"];

        // Act
        var match = index.FindMatch(StoryFingerprint.Of("Another headline for the same story", copy));

        // Assert
        match.ShouldNotBeNull().StoryId.ShouldBe(story);
    }

    [Fact]
    public void FindMatch_FirstHalfOfTheSeed_FindsIt()
    {
        // Arrange
        var (index, story, seed) = IndexWithSeed();
        var half = seed.Paragraphs.Take((seed.Paragraphs.Count + 1) / 2).Append("Read more: the full analysis");

        // Act
        var match = index.FindMatch(StoryFingerprint.Of(seed.Title, [.. half]));

        // Assert
        match.ShouldNotBeNull().StoryId.ShouldBe(story);
    }

    [Fact]
    public void FindMatch_SeedWithTwoParagraphsDropped_FindsIt()
    {
        // Arrange
        var (index, story, seed) = IndexWithSeed();
        var edited = seed.Paragraphs.Where((_, i) => i != 1 && i != seed.Paragraphs.Count / 2).ToList();

        // Act
        var match = index.FindMatch(StoryFingerprint.Of(seed.Title, edited));

        // Assert
        match.ShouldNotBeNull().StoryId.ShouldBe(story);
    }

    [Fact]
    public void FindMatch_SecondHalfOnly_IsNotTakenForATruncatedCopy()
    {
        // Arrange: the later half alone opens differently from the seed and shares only half its text.
        var (index, _, seed) = IndexWithSeed();
        var secondHalf = seed.Paragraphs.Skip((seed.Paragraphs.Count + 1) / 2).ToList();

        // Act
        var match = index.FindMatch(StoryFingerprint.Of("A later part", secondHalf));

        // Assert
        match.ShouldBeNull();
    }

    private static (StoryIndex Index, Guid Story, TextArticle Seed) IndexWithSeed()
    {
        var seed = TextArticle.Parse("seed", File.ReadAllText(SeedPath));
        var index = new StoryIndex();
        var story = Guid.NewGuid();
        index.Add(story, seed.Fingerprint());
        return (index, story, seed);
    }
}
