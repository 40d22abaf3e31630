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

    [Fact]
    public void Apply_Dateline_IsNotWhereItHappened()
    {
        var events = Events("en", "CAIRO — Gunmen killed at least 19 people at a museum in Tunisia on Wednesday.");

        events.ShouldContain(e => e.Kind == "killed" && e.Count == 19 && e.Location == "Tunisia");
    }
}
