namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// A person credited by a feed or item. <see cref="Text"/> is the author line as a reader would see it:
/// "Name (email)" when both are known, otherwise the string the feed gave (e.g. "me@example.com (Me)").
/// </summary>
public sealed record FeedAuthor
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Uri { get; init; }
    public string? Text { get; init; }
}
