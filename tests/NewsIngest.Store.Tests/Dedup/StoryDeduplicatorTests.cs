using NewsIngest.Store.Dedup;
using NewsIngest.Store.Stories;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>Story decisions through the real repository on SQLite (the embedded mode); the PostgreSQL
/// locking is covered by <see cref="StoryDecisionLockTests"/>.</summary>
public sealed class StoryDeduplicatorTests
{
    [Fact]
    public async Task StoreAsync_EmptyStore_IsANewStory()
    {
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);

        var decision = await store.StoreAsync(TextArticle.Named("bridge"));

        decision.Outcome.ShouldBe(StoryOutcome.NewStory);
        decision.Candidates.ShouldBe(0);
    }

    [Fact]
    public async Task StoreAsync_SyndicatedCopyOfAStoredStory_IsASightingOfThatStory()
    {
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        var story = (await store.StoreAsync(TextArticle.Named("bridge"))).StoryId;
        await store.StoreAsync(TextArticle.Named("rovers"));

        var decision = await store.StoreAsync(TextArticle.Named("bridge-syndicated"));

        decision.Outcome.ShouldBe(StoryOutcome.Sighting);
        decision.StoryId.ShouldBe(story);
        decision.Match.ShouldNotBeNull().Jaccard.ShouldBeGreaterThan(0.9);
        (await store.CountAsync("articles")).ShouldBe(2);
    }

    [Fact]
    public async Task StoreAsync_TruncatedCopy_MatchesByContainment()
    {
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        var story = (await store.StoreAsync(TextArticle.Named("fire"))).StoryId;

        var decision = await store.StoreAsync(TextArticle.Named("fire-truncated"));

        decision.StoryId.ShouldBe(story);
        decision.Match.ShouldNotBeNull().Containment.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public async Task StoreAsync_SameTopicAnotherEvent_IsANewStory()
    {
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        await store.StoreAsync(TextArticle.Named("market"));

        var decision = await store.StoreAsync(TextArticle.Named("market-other"));

        decision.Outcome.ShouldBe(StoryOutcome.NewStory);
    }

    [Fact]
    public async Task StoreAsync_SameArticleAgain_IsARedelivery()
    {
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        var record = TextArticle.Named("court").Record(DateTimeOffset.UtcNow);
        await store.Stories.StoreAsync(record, CancellationToken.None);

        var again = await store.Stories.StoreAsync(record, CancellationToken.None);

        again.Outcome.ShouldBe(StoryOutcome.Redelivery);
        again.StoryId.ShouldBe(record.ArticleId);
        (await store.CountAsync("sightings")).ShouldBe(1);
    }

    [Fact]
    public async Task StoreAsync_EmptyText_NeverMatchesButSameTextIsASighting()
    {
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        var empty = new TextArticle("empty", string.Empty, []);
        var first = await store.StoreAsync(empty);

        var second = await store.StoreAsync(empty);

        first.Outcome.ShouldBe(StoryOutcome.NewStory);
        second.Outcome.ShouldBe(StoryOutcome.Sighting);
        second.Reason.ShouldStartWith("same text");
        second.Candidates.ShouldBe(0);
    }

    [Fact]
    public async Task StoreAsync_DifferingVersion_IsKeptSoItsOwnCopiesFindTheStory()
    {
        // Arrange: an edited copy is matched and kept as a second version of the story.
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        var story = (await store.StoreAsync(TextArticle.Named("wolves"))).StoryId;
        (await store.StoreAsync(TextArticle.Named("wolves-edited"))).Match.ShouldNotBeNull().Jaccard.ShouldBeLessThan(StoryMatcher.NewVersionBelow);

        // Act
        var decision = await store.StoreAsync(TextArticle.Named("wolves-edited") with { Title = "Wolves, again" });

        // Assert
        (await store.CountAsync("story_versions")).ShouldBe(2);
        decision.StoryId.ShouldBe(story);
        decision.Match.ShouldNotBeNull().Jaccard.ShouldBe(1, tolerance: 1e-9);
    }

    [Fact]
    public async Task StoreAsync_StoryOlderThanTheWindow_IsNotComparedWith()
    {
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        var now = DateTimeOffset.UtcNow;
        await store.StoreAsync(TextArticle.Named("storm"), now - store.Stories.Window - TimeSpan.FromHours(1));
        var recent = (await store.StoreAsync(TextArticle.Named("quake"), now - TimeSpan.FromDays(1))).StoryId;

        var old = await store.StoreAsync(TextArticle.Named("storm-syndicated"), now);
        var copy = await store.StoreAsync(TextArticle.Named("quake-truncated"), now);

        old.Outcome.ShouldBe(StoryOutcome.NewStory);
        copy.StoryId.ShouldBe(recent);
    }

    [Fact]
    public async Task StoreAsync_ThousandsOfOtherStories_VerifiesOnlyAFewCandidates()
    {
        // Arrange: made-up stories that share a common vocabulary but not their sentences.
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);
        var random = new Random(11);
        string[] vocabulary = [.. Enumerable.Range(0, 400).Select(i => "w" + i)];
        for (var i = 0; i < 2_000; i++)
        {
            var paragraphs = Enumerable.Range(0, 5)
                .Select(_ => string.Join(' ', Enumerable.Range(0, 25).Select(_ => vocabulary[random.Next(vocabulary.Length)])))
                .ToList();
            await store.StoreAsync(new TextArticle("random", "t", paragraphs));
        }

        var story = (await store.StoreAsync(TextArticle.Named("election"))).StoryId;

        // Act
        var decision = await store.StoreAsync(TextArticle.Named("election-edited"));

        // Assert
        decision.StoryId.ShouldBe(story);
        decision.Candidates.ShouldBeLessThan(10);
    }

    [Fact]
    public async Task StoreAsync_CopiesAtOnceOnSqlite_TakeTurnsAndMakeOneStory()
    {
        await using var store = await DedupStore.CreateAsync(DedupStore.Sqlite);

        var decisions = await Task.WhenAll(
            Task.Run(() => store.StoreAsync(TextArticle.Named("strike"))),
            Task.Run(() => store.StoreAsync(TextArticle.Named("strike-syndicated"))),
            Task.Run(() => store.StoreAsync(TextArticle.Named("layoffs"))));

        decisions.Count(d => d.Outcome == StoryOutcome.NewStory).ShouldBe(2);
        decisions[0].StoryId.ShouldBe(decisions[1].StoryId);
    }
}
