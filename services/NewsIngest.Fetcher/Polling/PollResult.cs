namespace NewsIngest.Fetcher.Polling;

/// <summary>What one poll did: the HTTP status (0 when no response), items published and skipped, when next.</summary>
public sealed record PollResult(int HttpStatus, int NewItems, int SeenItems, DateTimeOffset NextPoll, bool Succeeded, string? Failure)
{
    /// <summary>A 200 with the very bytes of this process's last complete poll of the feed: not parsed again (<see cref="LastPolls"/>).</summary>
    public bool BodyUnchanged { get; init; }
}
