namespace NewsIngest.Contracts;

/// <summary>What the enricher adds to an article. Field names are part of the public record.</summary>
public sealed record ArticleEnrichment
{
    /// <summary>ISO 639-1 code, or <c>und</c> when the text is too short or mixed to tell.</summary>
    public required string Language { get; init; }
    public required double LanguageConfidence { get; init; }
    public required int WordCount { get; init; }
    public required int ReadingTimeMinutes { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? Summary { get; init; }
    public IReadOnlyList<EntityMention> Entities { get; init; } = [];
    public IReadOnlyList<CategoryScore> Categories { get; init; } = [];
    public double? Tone { get; init; }
    public IReadOnlyList<EventCount> Events { get; init; } = [];
    public IReadOnlyList<string> Dates { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    /// <summary>Steps that threw; the record is stored partially enriched rather than lost.</summary>
    public IReadOnlyList<string> FailedSteps { get; init; } = [];
}
