using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class EntityStepTests
{
    private static IReadOnlyList<EntityMention> Entities(params string[] paragraphs) =>
        StepRunner.Run("Report", paragraphs, typeof(EntityStep)).Entities;

    private static EntityMention Single(IReadOnlyList<EntityMention> entities, string name) =>
        entities.Where(e => e.Name == name).ShouldHaveSingleItem();

    [Fact]
    public void Apply_AcronymDefinedInBrackets_MergesItAsAlias()
    {
        var entities = Entities(
            "Leaders of the Progressive Farmers Union (PFU) met in Nairobi on Monday.",
            "The PFU said prices had fallen. A PFU official declined to comment.");

        var union = Single(entities, "Progressive Farmers Union");
        union.Type.ShouldBe(EntityTypes.Organization);
        union.Aliases.ShouldBe(["PFU"]);
        union.Mentions.ShouldBe(3);
        entities.ShouldNotContain(e => e.Name == "PFU");
    }

    [Fact]
    public void Apply_SurnameAfterFullName_LinksToThePerson()
    {
        var entities = Entities(
            "Opposition leader Amina Okafor addressed supporters in Lagos.",
            "Okafor said the vote had been rigged, and her brother, Chinedu Okafor, agreed.");

        var amina = Single(entities, "Amina Okafor");
        amina.Type.ShouldBe(EntityTypes.Person);
        amina.Aliases.ShouldContain("Okafor");
        amina.Mentions.ShouldBe(2);
        Single(entities, "Chinedu Okafor").Type.ShouldBe(EntityTypes.Person);
    }

    [Fact]
    public void Apply_PlaceNames_ResolveToCountryCodesAndCoordinates()
    {
        var entities = Entities("Flights from Karachi to Syria and Germany were cancelled, officials in Balochistan said.");

        var karachi = Single(entities, "Karachi");
        karachi.Type.ShouldBe(EntityTypes.Location);
        karachi.CountryCode.ShouldBe("PK");
        karachi.Lat!.Value.ShouldBe(24.86, 0.1);
        karachi.Lon!.Value.ShouldBe(67.01, 0.1);
        Single(entities, "Syria").CountryCode.ShouldBe("SY");
        Single(entities, "Germany").CountryCode.ShouldBe("DE");
        Single(entities, "Balochistan").CountryCode.ShouldBe("PK");
    }

    [Fact]
    public void Apply_WellKnownAliases_MergeIntoOneEntity()
    {
        var entities = Entities(
            "Islamic State (IS) fighters attacked the town.",
            "ISIS has claimed similar attacks, and IS supporters celebrated online.");

        var group = Single(entities, "Islamic State");
        group.Aliases.ShouldBe(["IS", "ISIS"]);
        group.Mentions.ShouldBe(3);
    }

    [Fact]
    public void Apply_TitleAndSpeechVerb_MarkPersons()
    {
        var entities = Entities(
            "Police Superintendent Larry Snelling announced the arrests.",
            "Mr Halvorsen was not available, but Tomasz Wierzbicki said the raids were legal.");

        Single(entities, "Larry Snelling").Type.ShouldBe(EntityTypes.Person);
        Single(entities, "Halvorsen").Type.ShouldBe(EntityTypes.Person);
        Single(entities, "Tomasz Wierzbicki").Type.ShouldBe(EntityTypes.Person);
    }

    [Fact]
    public void Apply_OrganisationWords_MarkOrganisations()
    {
        var entities = Entities("The Bank of England and the National Union of Teachers disagreed with Reuters reporting.");

        Single(entities, "Bank of England").Type.ShouldBe(EntityTypes.Organization);
        Single(entities, "National Union of Teachers").Type.ShouldBe(EntityTypes.Organization);
        Single(entities, "Reuters").Type.ShouldBe(EntityTypes.Organization);
    }

    [Fact]
    public void Apply_CommonWordsAndSentenceOpeners_AreNotEntities()
    {
        var entities = Entities(
            "Reading the report, the minister said the Police would act.",
            "However, Time was short. The UNDP report was late.");

        entities.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_CommonWordPlaceAfterPreposition_IsALocation()
    {
        var entities = Entities("Thousands marched in Reading on Saturday.");

        Single(entities, "Reading").CountryCode.ShouldBe("GB");
    }
}
