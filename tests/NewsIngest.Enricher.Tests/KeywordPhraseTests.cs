using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

/// <summary>Keywords leave out generic words and the entities' names.</summary>
public sealed class KeywordPhraseTests
{
    [Fact]
    public void Apply_EntityNamesAndGenericWords_AreNotKeywords()
    {
        var context = StepRunner.Run(
            "Harbour bridge reopens in Port Ellery",
            [
                "The harbour bridge in Port Ellery reopened after repairs that changed the lives of commuters across the country.",
                "City engineer Mara Quint said the harbour bridge repairs finished early. Mara Quint said the lives of ferry crews were easier too.",
                "The harbour bridge will get a full cable survey, Mara Quint said.",
            ],
            typeof(EntityStep),
            typeof(KeywordStep));

        context.Keywords.ShouldContain(k => k.Contains("harbour bridge", StringComparison.OrdinalIgnoreCase));
        context.Keywords.ShouldNotContain(k => k.Equals("Mara Quint", StringComparison.OrdinalIgnoreCase));
        context.Keywords.ShouldNotContain(k => k.Equals("lives", StringComparison.OrdinalIgnoreCase));
        context.Keywords.ShouldNotContain(k => k.Equals("country", StringComparison.OrdinalIgnoreCase));
    }
}
