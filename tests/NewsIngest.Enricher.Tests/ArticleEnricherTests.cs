using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class ArticleEnricherTests
{
    private sealed class ThrowingStep : IEnrichmentStep
    {
        public string Name => "Broken";

        public void Apply(EnrichmentContext context) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void Enrich_StepThrows_RecordsItAndRunsTheRest()
    {
        var enricher = new ArticleEnricher(
            [new ThrowingStep(), new StatisticsStep()],
            Options.Create(new EnrichmentOptions()),
            NullLogger<ArticleEnricher>.Instance);

        var result = enricher.Enrich(TextArticle.Of("Title", "Three words here."));

        result.FailedSteps.ShouldBe(["Broken"]);
        result.WordCount.ShouldBe(3);
    }

    [Fact]
    public void AddEnrichment_StepSwitchedOffInConfiguration_DoesNotRunIt()
    {
        using var provider = TestEnrichment.Build(new Dictionary<string, string?> { ["Enrichment:Steps:Keywords"] = "false" });
        var enricher = provider.GetRequiredService<ArticleEnricher>();

        var result = enricher.Enrich(TextArticle.Of("Wind farm", "The wind farm opened. The wind farm is large."));

        enricher.StepNames.ShouldNotContain("Keywords");
        enricher.StepNames.ShouldContain("Language");
        result.Keywords.ShouldBeEmpty();
        result.WordCount.ShouldBe(9);
    }

    [Fact]
    public void Constructor_UnknownStepInConfiguration_FailsNamingTheSetting()
    {
        var options = new EnrichmentOptions();
        options.Steps["Entity"] = false;

        var error = Should.Throw<InvalidOperationException>(() =>
            new ArticleEnricher([new StatisticsStep()], Options.Create(options), NullLogger<ArticleEnricher>.Instance));

        error.Message.ShouldContain("Enrichment:Steps:Entity");
    }

    [Fact]
    public void AddEnrichment_DefaultConfiguration_RunsAllStepsInOrder()
    {
        TestEnrichment.Enricher.StepNames.ShouldBe(
            ["Language", "Statistics", "Summary", "Entities", "Keywords", "Categories", "Tone", "Events", "Dates", "Quotes"]);
    }

    [Fact]
    public void Enrich_EnglishArticle_FillsLanguageStatisticsKeywordsAndSummary()
    {
        var result = TestEnrichment.Enricher.Enrich(TextArticle.Of(
            "Council approves wind farm",
            "The county council approved a wind farm on the coast on Monday after a two-year planning fight.",
            "The wind farm will have 30 turbines and power about 40,000 homes, the developer said."));

        result.Language.ShouldBe("en");
        result.WordCount.ShouldBe(32);
        result.ReadingTimeMinutes.ShouldBe(1);
        result.Keywords.ShouldContain("wind farm");
        result.Summary.ShouldNotBeNullOrWhiteSpace();
        result.FailedSteps.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("Title only", new string[0])]
    [InlineData("数字", new[] { "东京电力公司周一表示，福岛核电站的处理水排放将于8月开始。日本政府支持这一计划。" })]
    [InlineData("Zahlen", new[] { "123 456 7890 -- ... ((( ))) “ ” « » 1,000,000 killed 99999999999 people" })]
    [InlineData("Tabs", new[] { "\t\t", "Source: nobody" })]
    public void Enrich_OddInput_NoStepFails(string title, string[] paragraphs)
    {
        var result = TestEnrichment.Enricher.Enrich(TextArticle.Of(title, paragraphs));

        result.FailedSteps.ShouldBeEmpty();
        result.ReadingTimeMinutes.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Enrich_ChineseArticle_DetectsChinese()
    {
        var result = TestEnrichment.Enricher.Enrich(TextArticle.Of("福岛排放计划", "东京电力公司周一表示，福岛核电站的处理水排放将于八月开始。日本政府支持这一计划，但渔民表示担忧。"));

        result.Language.ShouldBe("zh");
        result.WordCount.ShouldBeGreaterThan(10);
    }
}
