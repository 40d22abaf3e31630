namespace NewsIngest.Contracts;

/// <summary>
/// The fetcher found a new item. The body travels by claim check: <see cref="BodyAddress"/> is the
/// MassTransit message-data address of the raw bytes, never the bytes themselves.
/// </summary>
public sealed record ArticleFetched
{
    public required Guid ArticleId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }
    public required ArticleSourceKind Kind { get; init; }
    public required Uri BodyAddress { get; init; }
    public required long BodyLength { get; init; }

    /// <summary>Where the item came from: a feed URL, a page URL or <c>inbox:FILE</c>.</summary>
    public required string Origin { get; init; }

    public string? FeedUrl { get; init; }
    public string? FeedTitle { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Charset { get; init; }

    /// <summary>
    /// With a full-article page (<see cref="ArticleSourceKind.Html"/> from a feed): the message-data address of the
    /// feed entry's own text (UTF-8 HTML), which the parser uses when the page yields no article. Null otherwise.
    /// </summary>
    public Uri? FeedEntryAddress { get; init; }
}
