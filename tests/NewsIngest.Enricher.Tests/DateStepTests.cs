using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class DateStepTests
{
    private static IReadOnlyList<string> Dates(DateTimeOffset? published, params string[] paragraphs) =>
        StepRunner.Run(new ParsedArticle { Title = "T", Paragraphs = paragraphs, Published = published }, "en", typeof(DateStep)).Dates;

    [Fact]
    public void Apply_WrittenDates_GiveIsoInTextOrder()
    {
        var dates = Dates(null, "On July 13, 2018 the vote was held; the next is on 2 March 2020, and a review in June 2021.", "It began in 2015 with 2019-11-05 as a deadline.");

        dates.ShouldBe(["2018-07-13", "2020-03-02", "2021-06", "2015", "2019-11-05"]);
    }

    [Fact]
    public void Apply_OtherLanguages_ReadTheirMonthNames()
    {
        Dates(null, "Le 14 juillet 2023, am 3. Oktober 1990 und el 5 de mayo de 2021.").ShouldBe(["2023-07-14", "1990-10-03", "2021-05-05"]);
    }

    [Fact]
    public void Apply_WeekdayWithPublicationDate_ResolvesToThatWeek()
    {
        var published = new DateTimeOffset(2024, 5, 16, 10, 0, 0, TimeSpan.Zero); // a Thursday

        Dates(published, "Officials said on Monday that talks would resume.").ShouldBe(["2024-05-13"]);
    }

    [Fact]
    public void Apply_QuantityAndImpossibleDay_GiveNoYearAndOnlyTheMonth()
    {
        Dates(null, "About 2000 people came; 31 February 2020 is not a date.").ShouldBe(["2020-02"]);
    }
}
