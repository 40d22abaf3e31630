namespace NewsIngest.Contracts;

/// <summary>The enricher added language, keywords and the rest to a parsed article.</summary>
public sealed record ArticleEnriched
{
    public required Guid ArticleId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required DateTimeOffset EnrichedAt { get; init; }
    public required ParsedArticle Article { get; init; }
    public required ArticleEnrichment Enrichment { get; init; }
}
