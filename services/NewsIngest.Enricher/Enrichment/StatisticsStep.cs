namespace NewsIngest.Enricher.Enrichment;

/// <summary>Word count of the body and reading time at an average adult reading speed.</summary>
public sealed class StatisticsStep : IEnrichmentStep
{
    public const int WordsPerMinute = 230;

    public string Name => "Statistics";

    public void Apply(EnrichmentContext context)
    {
        var words = context.Text.Paragraphs.Sum(p => Words.Count(context.Text.WordsOf(p)));
        context.WordCount = words;
        context.ReadingTimeMinutes = Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute, MidpointRounding.AwayFromZero));
    }
}
