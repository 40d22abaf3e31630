using NewsIngest.Contracts;

namespace NewsIngest.Parser.Parsing;

/// <summary>What the parser is given: the body and what the fetcher already knew about it.</summary>
public sealed record ParseRequest
{
    public required ArticleSourceKind Kind { get; init; }
    public required byte[] Body { get; init; }
    public string? Charset { get; init; }
    public string? Url { get; init; }
    public string? FeedUrl { get; init; }
    public string? FeedTitle { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? Published { get; init; }

    /// <summary>With a page: the feed entry's own text (UTF-8 HTML), parsed instead when the page yields no article.</summary>
    public byte[]? FeedEntry { get; init; }
}
