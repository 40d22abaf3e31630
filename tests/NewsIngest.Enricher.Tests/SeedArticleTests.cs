using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

/// <summary>The acceptance figures for the shared seed article (read at run time, never copied here).</summary>
public sealed class SeedArticleTests
{
    private static readonly Lazy<(ParsedArticle Article, ArticleEnrichment Result)> Seed = new(() =>
    {
        var article = SeedArticle.Load();
        return (article, TestEnrichment.Enricher.Enrich(article));
    });

    private static ArticleEnrichment Result => Seed.Value.Result;

    private static EntityMention Entity(string name, string type)
    {
        var entity = Result.Entities.Where(e => e.Name == name).ShouldHaveSingleItem();
        entity.Type.ShouldBe(type);
        return entity;
    }

    [Fact]
    public void Enrich_SeedArticle_GivesLanguageStatisticsKeywordsAndSummary()
    {
        Result.Language.ShouldBe("en");
        Result.LanguageConfidence.ShouldBeGreaterThan(0.9);
        Result.WordCount.ShouldBeInRange(700, 900);
        Result.ReadingTimeMinutes.ShouldBeInRange(3, 4);
        Result.Keywords.ShouldNotBeEmpty();
        Result.Keywords.ShouldNotContain("Pakistan"); // an entity's name is reported as the entity, not as a keyword
        Result.Summary.ShouldNotBeNull();
        Result.Summary.ShouldStartWith(Seed.Value.Article.Paragraphs[0][..40]);
        Result.FailedSteps.ShouldBeEmpty();
    }

    [Fact]
    public void Enrich_SeedArticle_FindsThePersonsWithTheirAliases()
    {
        Entity("Haroon Bilour", EntityTypes.Person).Aliases.ShouldContain("Bilour");
        Entity("Bashir Bilour", EntityTypes.Person).Aliases.ShouldNotContain("Bilour");
        Entity("Ali bin Sufyan", EntityTypes.Person);
    }

    [Fact]
    public void Enrich_SeedArticle_FindsTheOrganisationsWithTheirAcronyms()
    {
        Entity("Awami National Party", EntityTypes.Organization).Aliases.ShouldContain("ANP");
        Entity("Tehreek-e-Taliban Pakistan", EntityTypes.Organization).Aliases.ShouldContain("TTP");
        Entity("Islamic State", EntityTypes.Organization).Aliases.ShouldBe(["IS", "ISIS"], ignoreOrder: true);
        Entity("Lashkar-e-Jhangvi", EntityTypes.Organization);
        Entity("Reuters", EntityTypes.Organization);
    }

    [Fact]
    public void Enrich_SeedArticle_ResolvesTheLocations()
    {
        Entity("Pakistan", EntityTypes.Location).CountryCode.ShouldBe("PK");
        Entity("Syria", EntityTypes.Location).CountryCode.ShouldBe("SY");
        foreach (var place in new[] { "Bannu", "Mastung", "Balochistan", "Karachi" })
        {
            var entity = Entity(place, EntityTypes.Location);
            entity.CountryCode.ShouldBe("PK");
            entity.Lat.ShouldNotBeNull();
            entity.Lon.ShouldNotBeNull();
        }
    }

    [Fact]
    public void Enrich_SeedArticle_GivesConflictFirstAndNegativeTone()
    {
        Result.Categories[0].Code.ShouldBe("conflict-war-peace");
        Result.Tone!.Value.ShouldBeLessThan(0);
    }

    [Fact]
    public void Enrich_SeedArticle_FindsTheCasualtyCounts()
    {
        var killed = Result.Events.Where(e => e.Kind == "killed").ToList();

        killed.ShouldContain(e => e.Count == 120 && e.Location == "Mastung");
        killed.ShouldContain(e => e.Count == 4 && e.Location == "Bannu");
        killed.ShouldContain(e => e.Count == 13);
        killed.ShouldContain(e => e.Count == 46 && e.Location == "Karachi" && e.Year == 2015);
    }

    [Fact]
    public void Enrich_SeedArticle_FindsDatesAndTheQuote()
    {
        Result.Dates.ShouldContain("2015");
        Result.Quotes.ShouldContain(q => q.Speaker == "Ali bin Sufyan" && q.Text.Contains("Lashkar-e-Jhangvi", StringComparison.Ordinal));
    }
}
