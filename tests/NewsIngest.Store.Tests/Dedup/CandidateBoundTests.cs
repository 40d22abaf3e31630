using System.Globalization;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Stories;
using NewsIngest.Testing;
using NewsIngest.Testing.Pipeline;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>
/// Texts written from common phrasing share band keys with many stories at once; a decision then compares only
/// the stored versions sharing the most keys with it, and still finds the story a copy was made from.
/// </summary>
public sealed class CandidateBoundTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const int Stories = 300;

    private const string DeskOpening =
        "This report belongs to the regional desk's daily round-up of council, transport and harbour news from the coastal towns, updated through the day as our reporters file from each meeting.";

    [Theory]
    [InlineData(DedupStore.Sqlite)]
    [InlineData(DedupStore.Postgres)]
    public async Task StoreAsync_HundredsShareABandKey_ComparesTheBoundAndFindsTheOriginal(string backend)
    {
        // Arrange: distinct generated stories that all open with the same desk paragraph, so every one shares the
        // lede's band keys with every other; the first of them is the one copied.
        await using var store = await DedupStore.CreateAsync(backend, database);
        var written = new ArticleGenerator(seed: 5).Generate(Stories, longShare: 0.25);
        var articles = written.Select(article => new TextArticle("generated", article.Title, [DeskOpening, .. article.Paragraphs])).ToList();
        var decisions = new List<StoryDecision>();
        foreach (var article in articles)
        {
            decisions.Add(await store.StoreAsync(article));
        }

        decisions.ShouldAllBe(stored => stored.Outcome == StoryOutcome.NewStory);
        var original = decisions[0].StoryId;

        var bound = int.Parse(SqlStoryDecision.MostCandidates, CultureInfo.InvariantCulture);
        var copy = articles[0] with { Paragraphs = [.. articles[0].Paragraphs.SkipLast(1), "A later paragraph said the meeting would resume on Friday."] };
        var copyBands = copy.Fingerprint().BandKeys.ToHashSet();
        var sharingABand = articles.Count(article => article.Fingerprint().BandKeys.Any(copyBands.Contains));
        sharingABand.ShouldBeGreaterThan(bound, "the stories must exceed the bound for this case to test it");

        // Act
        var decision = await store.StoreAsync(copy);

        // Assert
        decision.Outcome.ShouldBe(StoryOutcome.Sighting);
        decision.StoryId.ShouldBe(original);
        decision.Candidates.ShouldBeLessThanOrEqualTo(bound);
    }
}
