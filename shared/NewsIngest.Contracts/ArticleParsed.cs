namespace NewsIngest.Contracts;

/// <summary>The parser turned a fetched item into a clean article.</summary>
public sealed record ArticleParsed
{
    public required Guid ArticleId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required DateTimeOffset ParsedAt { get; init; }
    public required ParsedArticle Article { get; init; }
}
