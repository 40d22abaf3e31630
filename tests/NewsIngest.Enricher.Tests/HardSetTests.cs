using NewsIngest.Enricher.Evaluation;

namespace NewsIngest.Enricher.Tests;

/// <summary>
/// The enricher on our hard set: real pages of ../shared (read at run time) with our own labels
/// (HardSet/labels.txt, conventions in HardSet/CONVENTIONS.md). Floors sit just under the figures measured when
/// they were set; the scores per measure are printed by
/// <c>dotnet run -c Release --project tests/NewsIngest.Enricher.Evaluation</c>.
/// </summary>
public sealed class HardSetTests
{
    private static readonly Lazy<HardSetScore> Score = new(() => HardSetScore.Measure(HardSetLabels.LoadAll(), Support.TestEnrichment.Enricher.Enrich));

    [Fact]
    public void LoadAll_HardSet_HasSixtyRealArticlesOfSeveralTopicsAndLanguages()
    {
        var articles = HardSetLabels.LoadAll();

        articles.Count.ShouldBeGreaterThanOrEqualTo(60);
        articles.Count(a => a.Language == "en" && a.EntitiesLabelled).ShouldBeGreaterThanOrEqualTo(60);
        articles.SelectMany(a => a.Topics).Distinct().Count().ShouldBeGreaterThanOrEqualTo(12);
        articles.Select(a => a.Language).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
        articles.ShouldAllBe(a => a.Article!.Paragraphs.Count > 0);
    }

    [Fact]
    public void Enrich_HardSet_TypedEntityF1AboveFloor()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Score.Value.ToString());

        Score.Value.Typed.F1.ShouldBeGreaterThanOrEqualTo(TypedF1Floor, Score.Value.Report(false));
    }

    [Fact]
    public void Enrich_HardSet_UntypedEntityF1AboveFloor()
    {
        Score.Value.Untyped.F1.ShouldBeGreaterThanOrEqualTo(UntypedF1Floor, Score.Value.Report(false));
    }

    [Fact]
    public void Enrich_HardSet_LocationCountryAboveFloor()
    {
        Score.Value.Country.Value.ShouldBeGreaterThanOrEqualTo(CountryFloor, Score.Value.Report(false));
    }

    [Fact]
    public void Enrich_HardSet_LanguageAllRight()
    {
        Score.Value.Language.Value.ShouldBe(1.0, Score.Value.Report(false));
    }

    [Fact]
    public void Enrich_HardSet_TopCategoryAboveFloor()
    {
        Score.Value.TopCategory.Value.ShouldBeGreaterThanOrEqualTo(TopCategoryFloor, Score.Value.Report(false));
    }

    [Fact]
    public void Enrich_HardSet_ToneSignAboveFloor()
    {
        Score.Value.ToneSign.Value.ShouldBeGreaterThanOrEqualTo(ToneFloor, Score.Value.Report(false));
    }

    [Fact]
    public void Enrich_HardSet_CountsPrecisionAndRecallAboveFloor()
    {
        Score.Value.Counts.Precision.ShouldBeGreaterThanOrEqualTo(CountsFloor, Score.Value.Report(false));
        Score.Value.Counts.Recall.ShouldBeGreaterThanOrEqualTo(CountsFloor, Score.Value.Report(false));
    }

    private const double TypedF1Floor = 0.90;
    private const double UntypedF1Floor = 0.91;
    private const double CountryFloor = 0.95;
    private const double TopCategoryFloor = 0.89;
    private const double ToneFloor = 0.89;
    private const double CountsFloor = 0.94;
}
