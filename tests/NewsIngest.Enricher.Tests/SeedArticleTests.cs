using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class SeedArticleTests
{
    [Fact]
    public void Enrich_SeedArticle_GivesLanguageStatisticsKeywordsAndSummary()
    {
        var article = SeedArticle.Load();

        var result = TestEnrichment.Enricher.Enrich(article);

        result.Language.ShouldBe("en");
        result.LanguageConfidence.ShouldBeGreaterThan(0.9);
        result.WordCount.ShouldBeInRange(700, 900);
        result.ReadingTimeMinutes.ShouldBeInRange(3, 4);
        result.Keywords.ShouldContain("Pakistan");
        result.Summary.ShouldNotBeNull();
        result.Summary.ShouldStartWith(article.Paragraphs[0][..40]);
        result.FailedSteps.ShouldBeEmpty();
    }
}
