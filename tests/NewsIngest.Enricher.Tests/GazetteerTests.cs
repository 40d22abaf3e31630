using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class GazetteerTests
{
    private static Gazetteer Gazetteer => TestEnrichment.Get<Gazetteer>();

    [Fact]
    public void Find_CountryInOtherLanguages_GivesSameCode()
    {
        Gazetteer.Find("Allemagne")!.CountryCode.ShouldBe("DE");
        Gazetteer.Find("Deutschland")!.CountryCode.ShouldBe("DE");
        Gazetteer.Find("Germany")!.Kind.ShouldBe(PlaceKind.Country);
    }

    [Fact]
    public void Find_AmbiguousName_PrefersACountryTheArticleMentions()
    {
        Gazetteer.Find("Punjab", new HashSet<string> { "PK" })!.CountryCode.ShouldBe("PK");
        Gazetteer.Find("Punjab", new HashSet<string> { "IN" })!.CountryCode.ShouldBe("IN");
    }

    [Fact]
    public void Find_NameWithoutAccents_FindsAccentedPlace()
    {
        Gazetteer.Find("Brasilia")!.CountryCode.ShouldBe("BR");
    }

    [Fact]
    public void Find_LargestCityOfAName_WinsWithoutContext()
    {
        Gazetteer.Find("Moscow")!.CountryCode.ShouldBe("RU");
        Gazetteer.Find("Nowhereville").ShouldBeNull();
    }

    [Fact]
    public void Find_BareNameOfCompassRegions_GivesTheRegionOfTheirCountry()
    {
        var darfur = Gazetteer.Find("Darfur")!;

        darfur.Kind.ShouldBe(PlaceKind.Region);
        darfur.CountryCode.ShouldBe("SD");
        Gazetteer.Find("Kordofan")!.CountryCode.ShouldBe("SD");
    }
}
