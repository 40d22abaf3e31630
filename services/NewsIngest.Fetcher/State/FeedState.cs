namespace NewsIngest.Fetcher.State;

/// <summary>What the fetcher remembers of one feed between polls and across restarts.</summary>
public sealed record FeedState
{
    /// <summary>Stable id derived from the URL (<see cref="FeedIds.For"/>), used by the admin endpoint.</summary>
    public required string FeedId { get; init; }
    public required string FeedUrl { get; init; }

    /// <summary>This feed's own poll interval, when it has one.</summary>
    public TimeSpan? Interval { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public DateTimeOffset? LastPoll { get; init; }
    public required DateTimeOffset NextPoll { get; init; }
    public int ConsecutiveErrors { get; init; }
    public bool Paused { get; init; }
}
