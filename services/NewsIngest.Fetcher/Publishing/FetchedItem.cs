using NewsIngest.Contracts;

namespace NewsIngest.Fetcher.Publishing;

/// <summary>One new item a source produced, before it is claim-checked and published.</summary>
public sealed record FetchedItem
{
    public required Guid ArticleId { get; init; }
    public required ArticleSourceKind Kind { get; init; }
    public required byte[] Body { get; init; }
    public required string Origin { get; init; }
    public string? FeedUrl { get; init; }
    public string? FeedTitle { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Charset { get; init; }

    /// <summary>With a full-article page: the feed entry's own text (UTF-8), the parser's fallback when the page has no article.</summary>
    public byte[]? FeedEntryBody { get; init; }
}
