using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class StatisticsStepTests
{
    [Fact]
    public void Apply_ShortBody_CountsBodyWordsAndGivesOneMinute()
    {
        var context = new EnrichmentContext(TextArticle.Of("Title words here", "Mayor's plan costs 1,500 dollars.", "Re-election is next year."));

        new StatisticsStep().Apply(context);

        context.WordCount.ShouldBe(9);
        context.ReadingTimeMinutes.ShouldBe(1);
    }

    [Fact]
    public void Apply_LongBody_RoundsReadingTimeAt230WordsPerMinute()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("word", 100));
        var context = new EnrichmentContext(TextArticle.Of("T", [.. Enumerable.Repeat(paragraph, 7)]));

        new StatisticsStep().Apply(context);

        context.WordCount.ShouldBe(700);
        context.ReadingTimeMinutes.ShouldBe(3);
    }

    [Fact]
    public void Apply_EmptyBody_GivesZeroWordsAndOneMinute()
    {
        var context = new EnrichmentContext(TextArticle.Of("Only a title"));

        new StatisticsStep().Apply(context);

        context.WordCount.ShouldBe(0);
        context.ReadingTimeMinutes.ShouldBe(1);
    }
}
