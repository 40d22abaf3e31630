using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

/// <summary>Topics from evidence with sense: word pairs, names, the URL section and the entities found.</summary>
public sealed class CategorySenseTests
{
    private static IReadOnlyList<CategoryScore> Categories(ParsedArticle article) =>
        StepRunner.Run(article, "en", typeof(EntityStep), typeof(CategoryStep)).Categories;

    [Fact]
    public void Apply_EngineTrial_IsNotACourtCase()
    {
        var categories = Categories(TextArticle.Of(
            "Fishing Fleet Trials Quieter Electric Engines",
            "Four boats of the fishing fleet have been fitted with electric engines for a one-year trial paid for partly by the regional energy agency.",
            "Skippers say the boats are quieter and cheaper to run, but the batteries limit how far offshore they can go. The agency will publish fuel and catch figures at the end of the trial."));

        categories[0].Code.ShouldNotBe("crime-law-justice");
        categories.ShouldNotContain(c => c.Code == "crime-law-justice" && c.Score > 0.2);
    }

    [Fact]
    public void Apply_MurderTrial_IsCrime()
    {
        var categories = Categories(TextArticle.Of(
            "Man goes on trial over harbour killing",
            "A 34-year-old man went on trial on Monday accused of the murder of a dock worker, and the jury heard from two witnesses."));

        categories[0].Code.ShouldBe("crime-law-justice");
    }

    [Fact]
    public void Apply_HarvestWithWeatherWords_IsAgricultureBusiness()
    {
        var categories = Categories(TextArticle.Of(
            "Orchard Cooperative Reports Record Apple Harvest",
            "Growers in the valley picked more apples this autumn than in any year since the cooperative was founded, its board said.",
            "A mild spring with no late frost and steady rain gave the trees a heavy crop. Members delivered 41,000 tonnes of fruit.",
            "Prices paid to growers fell slightly, but the board expects total income to rise by about eight percent."));

        categories[0].Code.ShouldBe("economy-business-finance");
        categories[0].Code.ShouldNotBe("weather");
    }

    [Fact]
    public void Apply_WordsInsideAName_CountLittle()
    {
        var categories = Categories(TextArticle.Of(
            "A review of the new game",
            "Even if its parts come from other games, Star Wars Jedi: Fallen Order is a fine video game with careful combat and clever puzzles."));

        categories[0].Code.ShouldBe("arts-culture-entertainment");
    }

    [Fact]
    public void Apply_UrlSection_PointsToItsTopic()
    {
        var article = TextArticle.Of("Nadal keeps hopes alive", "Rafael Nadal won in straight sets on Wednesday night.") with
        {
            Url = "https://www.example.com/tennis/nadal-keeps-hopes-alive/",
        };

        Categories(article)[0].Code.ShouldBe("sport");
    }

    [Fact]
    public void Apply_SportsClubsNamed_LeanToSport()
    {
        var categories = Categories(TextArticle.Of(
            "Deal agreed",
            "Chelsea have agreed a fee with Real Madrid, and Juventus are said to be interested as well."));

        categories[0].Code.ShouldBe("sport");
    }

    [Fact]
    public void Apply_TwoTopics_GivesASecondTopicWithItsShare()
    {
        var categories = Categories(TextArticle.Of(
            "Court fines bank over market rigging",
            "A court fined the bank after prosecutors showed traders had rigged the currency market, sending its shares lower."));

        categories.Count.ShouldBeGreaterThanOrEqualTo(2);
        categories[0].Score.ShouldBeGreaterThanOrEqualTo(categories[1].Score);
        categories.Select(c => c.Code).ShouldContain("crime-law-justice");
        categories.Select(c => c.Code).ShouldContain("economy-business-finance");
    }

    [Fact]
    public void Of_ArticleUrl_GivesTheFolderWordsBeforeTheSlug()
    {
        UrlSections.Of("https://www.latimes.com/entertainment-arts/business/story/2019-11-19/disney-plus-kevin-mayer")
            .ShouldBe(["entertainment", "arts", "business", "story"]);
        UrlSections.Of(null).ShouldBeEmpty();
    }
}
