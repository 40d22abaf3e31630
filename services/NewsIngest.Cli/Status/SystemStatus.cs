namespace NewsIngest.Cli.Status;

/// <summary>What <c>newsingest status</c> shows: the broker's queues, the fetcher's feeds, the store's totals.</summary>
public sealed record SystemStatus(DateTimeOffset CollectedAt, BrokerStatus Broker, FeedsStatus Feeds, StoreStatus Store)
{
    /// <summary>Every source answered.</summary>
    public bool Complete => Broker.Error is null && Feeds.Error is null && Store.Error is null;
}

public sealed record BrokerStatus(string Address, IReadOnlyList<QueueStatus> Queues, string? Error)
{
    /// <summary>Messages waiting in the <c>_error</c> queues, by queue.</summary>
    public IReadOnlyDictionary<string, long> ErrorQueues =>
        Queues.Where(q => q.IsErrorQueue).ToDictionary(q => q.Name, q => q.Messages, StringComparer.Ordinal);
}

/// <param name="PublishRate">Messages in per second (the broker's last sample).</param>
/// <param name="DeliverRate">Messages out to consumers per second.</param>
public sealed record QueueStatus(string Name, string Type, long Messages, long Ready, long Unacknowledged, int Consumers, double PublishRate, double DeliverRate)
{
    public bool IsErrorQueue => Name.EndsWith("_error", StringComparison.Ordinal);
}

public sealed record FeedsStatus(string Address, string? Readiness, IReadOnlyList<FeedStatus> Items, string? Error);

public sealed record FeedStatus(
    string Url, bool Paused, int ConsecutiveErrors, DateTimeOffset? LastPoll, DateTimeOffset? NextPoll, string? LastOutcome, int? LastHttpStatus, string? LastFailure);

public sealed record StoreStatus(string Address, string? Readiness, long? Articles, long? Stories, long? Sightings, long? Rejected, long? PendingOutbox, string? Error);
