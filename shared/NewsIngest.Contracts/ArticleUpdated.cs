namespace NewsIngest.Contracts;

/// <summary>
/// A stored story was seen again (another feed, site or URL carried it, or a near-duplicate copy arrived).
/// Published to <c>news.articles</c> with routing key <c>article.updated.&lt;language&gt;.&lt;category&gt;</c>
/// of the story; <see cref="ArticleId"/> is the new sighting's article id (the AMQP <c>message_id</c>).
/// </summary>
public sealed record ArticleUpdated
{
    public required int SchemaVersion { get; init; }
    public required Guid ArticleId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required Guid StoryId { get; init; }
    public required DateTimeOffset SeenAt { get; init; }
    public required string Reason { get; init; }
    public required double Similarity { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? FeedUrl { get; init; }

    /// <summary>The story's stored record, as it was first published.</summary>
    public required ArticleStored Story { get; init; }
}
