using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class SummaryStepTests
{
    private static readonly string[] LongArticle =
    [
        "Flooding forced thousands of residents to leave their homes in the river valley on Sunday after days of rain.",
        "The river burst its banks at three points, and emergency crews worked through the night to reinforce the flood barriers.",
        "A local baker said she had never seen the water so high.",
        "Officials said the flooding had damaged more than 2,000 homes and cut power to the valley's largest town.",
        "The weather service expects more rain on Tuesday.",
        "Schools will stay closed until the flood water recedes, the council said.",
        "Who pays?",
    ];

    [Fact]
    public void Apply_LongArticle_GivesThreeSentencesStartingWithTheLead()
    {
        var context = new EnrichmentContext(TextArticle.Of("Floods force thousands from homes", LongArticle)) { Language = "en" };

        new SummaryStep(TestEnrichment.StopWords).Apply(context);

        context.Summary.ShouldNotBeNull();
        context.Summary.ShouldStartWith(LongArticle[0]);
        SentenceSplitter.Split(context.Summary).Count.ShouldBe(3);
        context.Summary.ShouldNotContain("Who pays?");
    }

    [Fact]
    public void Apply_TwoSentences_KeepsBothInOrder()
    {
        var context = new EnrichmentContext(TextArticle.Of("Bridge opens", "The new bridge opened on Monday. It cost 40 million euros to build."));

        new SummaryStep(TestEnrichment.StopWords).Apply(context);

        context.Summary.ShouldBe("The new bridge opened on Monday. It cost 40 million euros to build.");
    }

    [Fact]
    public void Apply_NoBody_GivesNoSummary()
    {
        var context = new EnrichmentContext(TextArticle.Of("Just a title"));

        new SummaryStep(TestEnrichment.StopWords).Apply(context);

        context.Summary.ShouldBeNull();
    }
}
