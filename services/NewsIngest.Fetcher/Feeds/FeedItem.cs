namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// One entry of a feed (RSS item, Atom entry, JSON Feed item). <see cref="Title"/>, <see cref="Summary"/> and
/// <see cref="Content"/> hold HTML when the feed declares or plainly uses HTML (then already cleaned: scripts, styles
/// and event handlers removed, relative links made absolute), and plain text otherwise; escape before display.
/// <see cref="Summary"/> falls back to the content when the item has no summary of its own.
/// </summary>
public sealed record FeedItem
{
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public FeedAuthor? Author { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>RSS enclosures, Atom rel="enclosure" links, JSON Feed attachments.</summary>
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];

    /// <summary>Media RSS content and thumbnails.</summary>
    public IReadOnlyList<FeedMedia> Media { get; init; } = [];
}
