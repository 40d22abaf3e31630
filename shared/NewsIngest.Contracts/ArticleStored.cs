namespace NewsIngest.Contracts;

/// <summary>
/// The record downstream consumers receive on the <c>news.articles</c> topic exchange, as plain JSON
/// (camelCase) with routing key <c>article.stored.&lt;language&gt;.&lt;category&gt;</c>.
/// </summary>
public sealed record ArticleStored
{
    public required int SchemaVersion { get; init; }
    public required Guid ArticleId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required DateTimeOffset StoredAt { get; init; }
    public required string ContentHash { get; init; }
    public required string Category { get; init; }
    public required ParsedArticle Article { get; init; }
    public required ArticleEnrichment Enrichment { get; init; }
}
