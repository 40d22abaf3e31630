using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class CategoryStepTests
{
    private static EnrichmentContext Run(string title, params string[] paragraphs) =>
        StepRunner.Run(title, paragraphs, typeof(CategoryStep));

    [Fact]
    public void Apply_MatchReport_GivesSportFirst()
    {
        var context = Run("United win the cup final", "The striker scored twice as United beat City in the cup final at the stadium, and the coach praised the team.");

        context.Categories[0].Code.ShouldBe("sport");
    }

    [Fact]
    public void Apply_BombingReport_GivesConflictFirstAndSharesUpToOne()
    {
        var context = Run(
            "Suicide bomber kills soldiers",
            "A suicide bomber attacked an army checkpoint, killing six soldiers, and militants fired rockets at the base.",
            "The government said police had arrested two suspects.");

        context.Categories[0].Code.ShouldBe("conflict-war-peace");
        context.Categories.Sum(c => c.Score).ShouldBeLessThanOrEqualTo(1.0001);
        context.Categories.ShouldBe(context.Categories.OrderByDescending(c => c.Score).ToList());
    }

    [Fact]
    public void Apply_MixedArticle_GivesSeveralLabels()
    {
        var context = Run(
            "Strike closes hospitals",
            "Nurses and doctors went on strike over wages, and the union said hospitals would treat only emergency patients while workers walked out.");

        context.Categories.Select(c => c.Code).ShouldContain("labour");
        context.Categories.Select(c => c.Code).ShouldContain("health");
    }

    [Fact]
    public void Apply_NoCueWords_GivesNoCategory()
    {
        var context = Run("Hello", "Lorem ipsum dolor sit amet.");

        context.Categories.ShouldBeEmpty();
    }

    [Fact]
    public void Create_Lexicon_CoversEveryTopLevelTopic()
    {
        CategoryLexicon.Codes.ShouldBe(
        [
            "arts-culture-entertainment", "conflict-war-peace", "crime-law-justice", "disaster-accident-emergency",
            "economy-business-finance", "education", "environment", "health", "human-interest", "labour",
            "lifestyle-leisure", "politics", "religion", "science-technology", "society", "sport", "weather",
        ]);
    }
}
