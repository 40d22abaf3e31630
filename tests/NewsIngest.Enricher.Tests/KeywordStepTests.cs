using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class KeywordStepTests
{
    [Fact]
    public void Apply_RecurringPhrase_RanksItAmongKeywordsWithoutStopWords()
    {
        var context = new EnrichmentContext(TextArticle.Of(
            "Wind farm approved",
            "The council approved a new wind farm near the coast on Monday.",
            "Opponents of the wind farm said the turbines would spoil the view.",
            "The wind farm will power 40,000 homes, the developer said."))
        { Language = "en" };

        new KeywordStep(TestEnrichment.StopWords).Apply(context);

        context.Keywords.ShouldContain("wind farm");
        context.Keywords.ShouldNotContain(k => k.Equals("the", StringComparison.OrdinalIgnoreCase) || k.Equals("said", StringComparison.OrdinalIgnoreCase));
        context.Keywords.Count.ShouldBeLessThanOrEqualTo(KeywordStep.MaxKeywords);
    }

    [Fact]
    public void Apply_ProperNameInBody_KeepsItsCapitals()
    {
        var context = new EnrichmentContext(TextArticle.Of(
            "Budget row",
            "Talks on the budget stalled as Angela Rayner met union leaders.",
            "Angela Rayner said the budget talks would resume."))
        { Language = "en" };

        new KeywordStep(TestEnrichment.StopWords).Apply(context);

        context.Keywords.ShouldContain("Angela Rayner");
    }

    [Fact]
    public void Apply_GermanText_UsesGermanStopWords()
    {
        var context = new EnrichmentContext(TextArticle.Of(
            "Neue Brücke eröffnet",
            "Die neue Brücke über den Rhein wurde am Montag eröffnet.",
            "Die neue Brücke soll den Verkehr in der Stadt entlasten."))
        { Language = "de" };

        new KeywordStep(TestEnrichment.StopWords).Apply(context);

        context.Keywords.ShouldContain(k => k.Contains("Brücke", StringComparison.Ordinal));
        context.Keywords.ShouldNotContain(k => k.Equals("die", StringComparison.OrdinalIgnoreCase) || k.Equals("den", StringComparison.OrdinalIgnoreCase));
    }
}
