using NewsIngest.Store.Dedup;

namespace NewsIngest.Store.Tests.Dedup;

public sealed class StoryIndexTests
{
    [Fact]
    public void FindMatch_EmptyIndex_GivesNull()
    {
        // Arrange
        var index = new StoryIndex();

        // Act
        var match = index.FindMatch(Article("bridge"));

        // Assert
        match.ShouldBeNull();
    }

    [Fact]
    public void FindMatch_SyndicatedCopyOfAStoredStory_GivesThatStory()
    {
        // Arrange
        var index = new StoryIndex();
        var story = Guid.NewGuid();
        index.Add(story, Article("bridge"));
        index.Add(Guid.NewGuid(), Article("rovers"));

        // Act
        var match = index.FindMatch(Article("bridge-syndicated"));

        // Assert
        match.ShouldNotBeNull().StoryId.ShouldBe(story);
        match.Jaccard.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void FindMatch_TruncatedCopy_MatchesByContainment()
    {
        // Arrange
        var index = new StoryIndex();
        var story = Guid.NewGuid();
        index.Add(story, Article("fire"));

        // Act
        var match = index.FindMatch(Article("fire-truncated"));

        // Assert
        match.ShouldNotBeNull().StoryId.ShouldBe(story);
        match.Containment.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void FindMatch_SameTopicAnotherEvent_GivesNull()
    {
        // Arrange
        var index = new StoryIndex();
        index.Add(Guid.NewGuid(), Article("market"));

        // Act
        var match = index.FindMatch(Article("market-other"));

        // Assert
        match.ShouldBeNull();
    }

    [Fact]
    public void FindMatch_EmptyFingerprint_NeverMatches()
    {
        // Arrange
        var index = new StoryIndex();
        var empty = StoryFingerprint.Of(string.Empty, []);
        index.Add(Guid.NewGuid(), empty);

        // Act
        var match = index.FindMatch(empty);

        // Assert
        match.ShouldBeNull();
        index.Count.ShouldBe(1);
    }

    [Fact]
    public void FindMatch_RestoredFromBytes_MatchesLikeTheOriginal()
    {
        // Arrange: the store rebuilds the index from the fingerprint column at start.
        var index = new StoryIndex();
        var story = Guid.NewGuid();
        index.Add(story, StoryFingerprint.FromBytes(Article("court").ToBytes()));

        // Act
        var match = index.FindMatch(StoryFingerprint.FromBytes(Article("court-edited").ToBytes()));

        // Assert
        match.ShouldNotBeNull().StoryId.ShouldBe(story);
    }

    [Fact]
    public void FindOrAdd_NewStory_AddsItAndGivesNull()
    {
        // Arrange
        var index = new StoryIndex();
        var story = Guid.NewGuid();

        // Act
        var first = index.FindOrAdd(story, Article("storm"));
        var second = index.FindOrAdd(Guid.NewGuid(), Article("storm-syndicated"));

        // Assert
        first.ShouldBeNull();
        second.ShouldNotBeNull().StoryId.ShouldBe(story);
        index.Count.ShouldBe(1);
    }

    [Fact]
    public void FindOrAdd_DifferingVersion_IsKeptSoItsOwnCopiesFindTheStory()
    {
        // Arrange: an edited copy is matched and kept as a second version of the story.
        var index = new StoryIndex();
        var story = Guid.NewGuid();
        index.FindOrAdd(story, Article("wolves"));
        index.FindOrAdd(Guid.NewGuid(), Article("wolves-edited")).ShouldNotBeNull();

        // Act
        var match = index.FindMatch(Article("wolves-edited"));

        // Assert
        index.Count.ShouldBe(2);
        match.ShouldNotBeNull().StoryId.ShouldBe(story);
        match.Jaccard.ShouldBe(1, tolerance: 1e-9);
    }

    [Fact]
    public void FindMatch_ThousandsOfOtherStories_TouchesOnlyAFewCandidates()
    {
        // Arrange: made-up stories that share a common vocabulary but not their sentences.
        var index = new StoryIndex();
        var random = new Random(11);
        string[] vocabulary = [.. Enumerable.Range(0, 400).Select(i => "w" + i)];
        for (var i = 0; i < 5_000; i++)
        {
            var paragraphs = Enumerable.Range(0, 5)
                .Select(_ => string.Join(' ', Enumerable.Range(0, 25).Select(_ => vocabulary[random.Next(vocabulary.Length)])))
                .ToList();
            index.Add(Guid.NewGuid(), StoryFingerprint.Of("t", paragraphs));
        }

        var story = Guid.NewGuid();
        index.Add(story, Article("election"));

        // Act
        var match = index.FindMatch(Article("election-edited"));

        // Assert
        match.ShouldNotBeNull().StoryId.ShouldBe(story);
        index.LastCandidateCount.ShouldBeLessThan(10);
    }

    private static StoryFingerprint Article(string name) =>
        TextArticle.Parse(name, File.ReadAllText(Path.Combine(PairSet.Folder, name + ".txt"))).Fingerprint();
}
