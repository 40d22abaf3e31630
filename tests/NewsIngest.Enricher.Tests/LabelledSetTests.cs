using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

/// <summary>
/// Accuracy over our own labelled articles (several languages). The floors sit just under the figures
/// measured when they were set, so a change that makes a step worse fails here.
/// </summary>
public sealed class LabelledSetTests
{
    private static readonly Lazy<LabelledSetScore> Score = new(() =>
        LabelledSetScore.Measure(LabelledArticle.LoadAll(), TestEnrichment.Enricher.Enrich));

    [Fact]
    public void LoadAll_LabelledSet_HasAtLeastThirtyArticlesInSixLanguages()
    {
        var articles = LabelledArticle.LoadAll();

        articles.Count.ShouldBeGreaterThanOrEqualTo(30);
        new[] { "en", "fr", "de", "es", "it", "pt" }.ShouldBeSubsetOf(articles.Select(a => a.Language).Distinct());
    }

    [Fact]
    public void Enrich_LabelledSet_LanguageAccuracyAboveFloor()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Score.Value.ToString());

        Score.Value.LanguageAccuracy.ShouldBeGreaterThanOrEqualTo(1.0, Score.Value.ToString());
    }

    [Fact]
    public void Enrich_LabelledSet_TopCategoryAccuracyAboveFloor()
    {
        Score.Value.TopCategoryAccuracy.ShouldBeGreaterThanOrEqualTo(0.95, Score.Value.ToString());
    }

    [Fact]
    public void Enrich_LabelledSet_EntityRecallAboveFloor()
    {
        Score.Value.EntityRecall.ShouldBeGreaterThanOrEqualTo(0.9, Score.Value.ToString());
    }
}
