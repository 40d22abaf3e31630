using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class EventStepTests
{
    private static IReadOnlyList<EventCount> Events(params string[] paragraphs) => EventsIn("en", paragraphs);

    private static IReadOnlyList<EventCount> EventsIn(string language, params string[] paragraphs) =>
        StepRunner.Run(TextArticle.Of("Report", paragraphs), language, typeof(EntityStep), typeof(EventStep)).Events;

    [Theory]
    [InlineData("The blast in the market killed over 120 people.", "killed", 120, "en")]
    [InlineData("13 lives were lost that day.", "killed", 13, "en")]
    [InlineData("The attack took four lives.", "killed", 4, "en")]
    [InlineData("The shooting left 46 members of the community dead.", "killed", 46, "en")]
    [InlineData("The death toll rose to 212 on Friday.", "killed", 212, "en")]
    [InlineData("Twenty-five people were killed in the crash.", "killed", 25, "en")]
    [InlineData("The bomb left almost a dozen injured.", "injured", 12, "en")]
    [InlineData("Police arrested 37 protesters overnight.", "arrested", 37, "en")]
    [InlineData("Gunmen abducted three aid workers.", "kidnapped", 3, "en")]
    [InlineData("The floods have displaced 2,000 families.", "displaced", 2000, "en")]
    [InlineData("Au moins 12 personnes tuées dans l'explosion.", "killed", 12, "fr")]
    public void Apply_StatedCount_GivesKindAndCount(string sentence, string kind, int count, string language)
    {
        var found = EventsIn(language, sentence).ShouldHaveSingleItem();

        found.Kind.ShouldBe(kind);
        found.Count.ShouldBe(count);
        found.Sentence.ShouldBe(sentence);
    }

    [Fact]
    public void Apply_OtherLanguagesCountInEnglishArticle_IsNotRead()
    {
        // The French patterns run only on French (and the other languages they are for), not on English text.
        EventsIn("en", "Au moins 12 personnes tuées dans l'explosion.").ShouldBeEmpty();
    }

    [Fact]
    public void Apply_PlaceAndYearInSentence_AreAttached()
    {
        var found = Events("Back in 2015, a shooting in Karachi, Pakistan, left 46 people dead.").ShouldHaveSingleItem();

        found.Location.ShouldBe("Karachi");
        found.Year.ShouldBe(2015);
    }

    [Fact]
    public void Apply_AgesYearsAndUnrelatedNumbers_GiveNoEvent()
    {
        Events(
            "In 2016, a 14 years old bomber was seen.",
            "The 2018 election drew 300 candidates.",
            "Prices rose 4 percent.").ShouldBeEmpty();
    }

    [Fact]
    public void Apply_KilledAndInjuredInOneSentence_GivesBothWithoutMixingCounts()
    {
        var found = Events("The blast took four lives and left almost a dozen injured.");

        found.Select(e => (e.Kind, e.Count)).ShouldBe([("killed", 4), ("injured", 12)], ignoreOrder: true);
    }
}
