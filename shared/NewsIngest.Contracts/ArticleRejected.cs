namespace NewsIngest.Contracts;

/// <summary>A stage decided an item holds no usable article (empty, binary, no article text); the reason says why.</summary>
public sealed record ArticleRejected
{
    public required Guid ArticleId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }

    /// <summary>The service that rejected it: <c>fetcher</c>, <c>parser</c>, <c>enricher</c>.</summary>
    public required string Stage { get; init; }
    public required string Reason { get; init; }
    public string? Origin { get; init; }
}
