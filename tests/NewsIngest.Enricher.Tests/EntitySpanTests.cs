using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

/// <summary>Span rules of the entity step: titles and offices, possessives, "of/for/and" inside names, datelines.</summary>
public sealed class EntitySpanTests
{
    private static IReadOnlyList<EntityMention> Entities(params string[] paragraphs) =>
        StepRunner.Run("Report", paragraphs, typeof(EntityStep)).Entities;

    [Fact]
    public void Apply_TitleWithOfficeBeforeName_KeepsOnlyThePerson()
    {
        var entities = Entities("On Tuesday, Secretary of State Ann Lee said the talks would resume in Geneva.");

        entities.ShouldContain(e => e.Name == "Ann Lee" && e.Type == EntityTypes.Person);
        entities.ShouldNotContain(e => e.Name.Contains("State", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_PossessiveInsideRun_SplitsTwoNames()
    {
        var entities = Entities("Investors cheered as Jeff Bezos's Blue Origin and Ohio's Lake High School were named.");

        entities.ShouldContain(e => e.Name == "Jeff Bezos" && e.Type == EntityTypes.Person);
        entities.ShouldContain(e => e.Name == "Blue Origin" && e.Type == EntityTypes.Organization);
        entities.ShouldContain(e => e.Name == "Ohio" && e.Type == EntityTypes.Location);
        entities.ShouldContain(e => e.Name == "Lake High School" && e.Type == EntityTypes.Organization);
    }

    [Fact]
    public void Apply_OfAndChainInOrganisationName_StaysOneName()
    {
        var entities = Entities(
            "Officials at the Department of Health and Human Services met staff of the Securities and Exchange Commission.");

        entities.ShouldContain(e => e.Name == "Department of Health and Human Services" && e.Type == EntityTypes.Organization);
        entities.ShouldContain(e => e.Name == "Securities and Exchange Commission" && e.Type == EntityTypes.Organization);
    }

    [Fact]
    public void Apply_TwoNamesJoinedByAnd_StayTwoEntities()
    {
        var entities = Entities("Marcel Granollers and Feliciano Lopez won the doubles, and Wistron and Global Lighting Technologies supply keyboards.");

        entities.ShouldContain(e => e.Name == "Marcel Granollers");
        entities.ShouldContain(e => e.Name == "Feliciano Lopez");
        entities.ShouldContain(e => e.Name == "Global Lighting Technologies" && e.Type == EntityTypes.Organization);
        entities.ShouldNotContain(e => e.Name.Contains(" and ", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_OrganisationBeforeTitle_IsANameToo()
    {
        var entities = Entities("Australian Federal Police Commissioner Andrew Colvin took part in the meetings.");

        entities.ShouldContain(e => e.Name == "Australian Federal Police" && e.Type == EntityTypes.Organization);
        entities.ShouldContain(e => e.Name == "Andrew Colvin" && e.Type == EntityTypes.Person);
    }

    [Fact]
    public void Apply_DatelineInCapitals_IsThePlaceAndDefinesNoAcronym()
    {
        var entities = Entities("WASHINGTON (AP) — Ten candidates meet on the debate stage again in Atlanta.");

        entities.ShouldContain(e => e.Name == "WASHINGTON" && e.Type == EntityTypes.Location && e.CountryCode == "US");
        entities.ShouldContain(e => e.Name == "Associated Press" && e.Type == EntityTypes.Organization && e.Aliases.Contains("AP"));
    }

    [Fact]
    public void Apply_HyphenatedPlacePair_GivesBothPlaces()
    {
        var entities = Entities("A muddled view of US-China trade talks weighed on investors in Tokyo.");

        entities.ShouldContain(e => e.CountryCode == "US" && e.Type == EntityTypes.Location);
        entities.ShouldContain(e => e.CountryCode == "CN" && e.Type == EntityTypes.Location);
    }

    [Fact]
    public void Apply_HeadlineAndBannerWords_AreNotEntities()
    {
        var entities = Entities(
            "BREAKING NEWS: SIGN UP FOR OUR NEWSLETTER",
            "We met the CEO at 9 a.m. ET on Nov. 5, and the 256GB model sold out.");

        entities.ShouldBeEmpty();
    }
}
