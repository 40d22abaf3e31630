using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

/// <summary>Counts in words and digits, ranges, parts of a total, "missing", and the place they belong to.</summary>
public sealed class EventCountTests
{
    private static IReadOnlyList<EventCount> Events(string language, params string[] paragraphs) =>
        StepRunner.Run(TextArticle.Of("Report", paragraphs), language, typeof(EntityStep), typeof(EventStep)).Events;

    [Fact]
    public void Apply_TotalWithIncludedPart_CountsBoth()
    {
        var events = Events("en", "Gunmen opened fire at the museum in Tunis on Wednesday, killing at least 19 people, including 17 foreigners.");

        events.ShouldContain(e => e.Kind == "killed" && e.Count == 19 && e.Location == "Tunis");
        events.ShouldContain(e => e.Kind == "killed" && e.Count == 17);
    }

    [Fact]
    public void Apply_ATotalOf_IsTheCount()
    {
        Events("en", "Two crashes of the jet in five months killed a total of 346 people.")
            .ShouldContain(e => e.Kind == "killed" && e.Count == 346);
    }

    [Fact]
    public void Apply_RangeOfPeople_CountsItsLowerBound()
    {
        var events = Events("en", "Between 10 and 15 people were injured when the stand collapsed in Leeds.");

        events.ShouldContain(e => e.Kind == "injured" && e.Count == 10 && e.Location == "Leeds");
    }

    [Fact]
    public void Apply_PresentTenseDie_IsKilled()
    {
        Events("en", "Every year about 23,000 die from such infections.").ShouldContain(e => e.Kind == "killed" && e.Count == 23000);
    }

    [Fact]
    public void Apply_PeopleMissing_IsAMissingCount()
    {
        var events = Events("en", "Rescuers said seven fishermen were still missing off the coast of Kerala.");

        events.ShouldContain(e => e.Kind == "missing" && e.Count == 7 && e.Location == "Kerala");
    }

    [Fact]
    public void Apply_ThousandsGroupedWithASpace_ReadsTheWholeNumber()
    {
        var events = Events("fr", "Le séisme a fait près de 5 500 morts au Népal.");

        events.ShouldContain(e => e.Kind == "killed" && e.Count == 5500);
        events.ShouldNotContain(e => e.Count == 500);
    }

    [Theory]
    [InlineData("es", "Los insurrectos causaron la muerte de tres agricultores en Chile.", 3)]
    [InlineData("es", "Al menos treinta y dos personas murieron en el incendio de Valparaíso.", 32)]
    [InlineData("fr", "Les inondations ont tué quatre-vingts personnes dans le sud de la France.", 80)]
    [InlineData("de", "Bei dem Anschlag starben dreiundzwanzig Menschen in Kabul.", 23)]
    [InlineData("it", "Il terremoto ha causato la morte di dodici persone in Abruzzo.", 12)]
    [InlineData("pt", "As chuvas mataram quinze pessoas no Brasil.", 15)]
    public void Apply_CountInWordsOfAnotherLanguage_IsKilled(string language, string sentence, int count)
    {
        Events(language, sentence).ShouldContain(e => e.Kind == "killed" && e.Count == count);
    }

    [Fact]
    public void Apply_ClausesWithTheirOwnPlaces_PlacesTheCountInItsClause()
    {
        var events = Events("en", "In Chile, where the dispute is worst, three farmers were killed over the years; in Argentina, only roads were blocked.");

        events.ShouldContain(e => e.Kind == "killed" && e.Count == 3 && e.Location == "Chile");
    }

    [Fact]
    public void Apply_EnglishWordOfAnotherLanguagesNumber_IsNoCount()
    {
        Events("en", "Once he was killed, the town mourned.").ShouldBeEmpty();
    }

    [Fact]
    public void Apply_Dateline_IsNotWhereItHappened()
    {
        var events = Events("en", "CAIRO — Gunmen killed at least 19 people at a museum in Tunisia on Wednesday.");

        events.ShouldContain(e => e.Kind == "killed" && e.Count == 19 && e.Location == "Tunisia");
    }
}
