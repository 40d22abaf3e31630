using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>The article under enrichment, its prepared text, and what the steps found so far.</summary>
public sealed class EnrichmentContext
{
    public EnrichmentContext(ParsedArticle article)
    {
        Article = article;
        Text = ArticleText.From(article);
    }

    public ParsedArticle Article { get; }
    public ArticleText Text { get; }

    public string Language { get; set; } = LanguageStep.Undetermined;
    public double LanguageConfidence { get; set; }
    public int WordCount { get; set; }
    public int ReadingTimeMinutes { get; set; }
    public IReadOnlyList<string> Keywords { get; set; } = [];
    public string? Summary { get; set; }
    public IReadOnlyList<EntityMention> Entities { get; set; } = [];

    /// <summary>Where each entity was named, for steps that need it (events, quotes); empty without the entity step.</summary>
    public IReadOnlyList<ResolvedMention> Mentions { get; set; } = [];
    public IReadOnlyList<CategoryScore> Categories { get; set; } = [];
    public double? Tone { get; set; }
    public IReadOnlyList<EventCount> Events { get; set; } = [];
    public IReadOnlyList<string> Dates { get; set; } = [];
    public IReadOnlyList<Quote> Quotes { get; set; } = [];

    public ArticleEnrichment ToEnrichment(IReadOnlyList<string> failedSteps) => new()
    {
        Language = Language,
        LanguageConfidence = LanguageConfidence,
        WordCount = WordCount,
        ReadingTimeMinutes = ReadingTimeMinutes,
        Keywords = Keywords,
        Summary = Summary,
        Entities = Entities,
        Categories = Categories,
        Tone = Tone,
        Events = Events,
        Dates = Dates,
        Quotes = Quotes,
        FailedSteps = failedSteps,
    };
}
