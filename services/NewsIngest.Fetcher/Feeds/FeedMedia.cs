namespace NewsIngest.Fetcher.Feeds;

/// <summary>A Media RSS object (media:content or media:thumbnail).</summary>
public sealed record FeedMedia
{
    public required string Url { get; init; }
    public string? MediaType { get; init; }
    public string? Medium { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public long? FileSize { get; init; }
    public bool IsThumbnail { get; init; }
}
