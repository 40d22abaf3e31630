namespace NewsIngest.Fetcher.Feeds;

/// <summary>A file attached to an item (podcast audio, image, document).</summary>
public sealed record FeedEnclosure
{
    public required string Url { get; init; }
    public string? MediaType { get; init; }
    public long? Length { get; init; }
}
