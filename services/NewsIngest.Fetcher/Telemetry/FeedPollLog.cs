using System.Collections.Concurrent;
using NewsIngest.Fetcher.Polling;

namespace NewsIngest.Fetcher.Telemetry;

/// <summary>The last poll of each feed this replica polled, for <c>GET /status</c>: outcome, HTTP status, items, failure.</summary>
public static class FeedPollLog
{
    private const int MaxFeeds = 100_000;
    private static readonly ConcurrentDictionary<string, LastPoll> Polls = new(StringComparer.Ordinal);

    public static void Record(string feedUrl, PollResult result, string outcome)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Polls.Count >= MaxFeeds && !Polls.ContainsKey(feedUrl))
        {
            return;
        }

        Polls[feedUrl] = new LastPoll(DateTimeOffset.UtcNow, outcome, result.HttpStatus, result.NewItems, result.SeenItems, result.Failure);
    }

    public static LastPoll? Of(string feedUrl) => Polls.TryGetValue(feedUrl, out var poll) ? poll : null;
}

/// <summary>What the last poll of a feed did.</summary>
public sealed record LastPoll(DateTimeOffset At, string Outcome, int HttpStatus, int NewItems, int SeenItems, string? Failure);
