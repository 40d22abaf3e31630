using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

/// <summary>Typing by the name knowledge base and by context, coreference of short forms, local place names.</summary>
public sealed class EntityKnowledgeTests
{
    private static IReadOnlyList<EntityMention> Entities(params string[] paragraphs) =>
        StepRunner.Run("Report", paragraphs, typeof(EntityStep)).Entities;

    [Fact]
    public void Load_NameBase_HoldsOrganisationsClubsAndPlaces()
    {
        var names = TestEnrichment.Get<NameBase>();

        names.Count.ShouldBeGreaterThan(1500);
        names.Find("Reuters")!.Type.ShouldBe(EntityTypes.Organization);
        names.Find("Real Madrid")!.Topic.ShouldBe("sport");
        names.Find("Black Sea")!.Type.ShouldBe(EntityTypes.Location);
        names.Find("AP")!.Canonical.ShouldBe("Associated Press");
    }

    [Fact]
    public void Find_AcronymInOtherCase_IsNotTheAcronym()
    {
        TestEnrichment.Get<NameBase>().Find("Ap").ShouldBeNull();
    }

    [Fact]
    public void Find_CommonWordWithoutCapitalEvidence_IsNotAName()
    {
        var names = TestEnrichment.Get<NameBase>();

        names.Find("Apple", capitalShowsName: false).ShouldBeNull();
        names.Find("Apple", capitalShowsName: true)!.Type.ShouldBe(EntityTypes.Organization);
    }

    [Fact]
    public void Apply_SportsClubNamedLikeAPlace_IsTheClub()
    {
        var entities = Entities("Chelsea have paid the fee to sign the keeper from Athletic Bilbao, and Chelsea hope to announce it today.");

        entities.ShouldContain(e => e.Name == "Chelsea" && e.Type == EntityTypes.Organization);
        entities.ShouldContain(e => e.Name == "Athletic Bilbao" && e.Type == EntityTypes.Organization);
    }

    [Fact]
    public void Apply_ContextCues_TypeUnknownOrganisations()
    {
        var entities = Entities("Analysts cited the publication Zentrovia, and Quibbly founder Mara Venn said little.");

        entities.ShouldContain(e => e.Name == "Zentrovia" && e.Type == EntityTypes.Organization);
        entities.ShouldContain(e => e.Name == "Quibbly" && e.Type == EntityTypes.Organization);
        entities.ShouldContain(e => e.Name == "Mara Venn" && e.Type == EntityTypes.Person);
    }

    [Fact]
    public void Apply_SurnameAfterHonorificElsewhere_IsThePersonNotThePlace()
    {
        // Obama is also a town in Japan; "President Obama" later shows who is meant.
        var entities = Entities("The Obama administration will announce a new strategy.", "President Obama plans to sign the order on Friday.");

        entities.ShouldContain(e => e.Name == "Obama" && e.Type == EntityTypes.Person);
        entities.ShouldNotContain(e => e.Type == EntityTypes.Location);
    }

    [Fact]
    public void Apply_ShortFormOfOrganisation_JoinsTheFullName()
    {
        var entities = Entities(
            "The deal was backed by The Carlyle Group and Amazon-owned Whole Foods Market.",
            "Carlyle already held a stake, and Whole Foods said prices would fall.");

        entities.Where(e => e.Name.Contains("Carlyle", StringComparison.Ordinal)).ShouldHaveSingleItem().Aliases.ShouldContain("Carlyle");
        entities.Where(e => e.Name.StartsWith("Whole Foods", StringComparison.Ordinal)).ShouldHaveSingleItem();
    }

    [Fact]
    public void Apply_LocalLanguageCityNames_MapToTheSamePlace()
    {
        var entities = StepRunner.Run(
            TextArticle.Of("Bericht", "Der Zug fuhr von München nach Wien und weiter nach Roma.", "In Vienna wartete niemand."),
            "de",
            typeof(EntityStep)).Entities;

        entities.ShouldContain(e => e.CountryCode == "DE" && e.Type == EntityTypes.Location);
        entities.ShouldContain(e => e.CountryCode == "IT" && e.Type == EntityTypes.Location);
        var vienna = entities.Where(e => e.CountryCode == "AT").ShouldHaveSingleItem();
        vienna.Aliases.Prepend(vienna.Name).ShouldBe(["Vienna", "Wien"], ignoreOrder: true);
    }
}
