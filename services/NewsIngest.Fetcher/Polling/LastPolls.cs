using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using NewsIngest.Fetcher.Feeds;
using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// What this process's last complete poll of each feed read: a hash of the body, the keys of every item in it (all
/// published or seen by the end of that poll) and the feed's own schedule hints (ttl, sy:updatePeriod). A feed that
/// answers 200 with the same bytes again (a server that ignores If-None-Match / If-Modified-Since) is then not parsed,
/// and the items of a changed body that were in the last one are known to be seen without asking the state database.
/// An entry holds only while the feed's <see cref="FeedState.LastPoll"/> is still the one that poll saved: a poll by
/// another replica, or the feed removed and added again, makes it stale and it is not used. About 60 bytes per item of
/// each feed's last body.
/// </summary>
public sealed class LastPolls
{
    private readonly ConcurrentDictionary<string, LastPoll> _feeds = new(StringComparer.Ordinal);

    public static byte[] HashOf(ReadOnlySpan<byte> body) => SHA256.HashData(body);

    /// <summary>Item keys (<see cref="ItemKeys.For"/>: 32 hex digits) as the 128-bit numbers they spell.</summary>
    public static UInt128 KeyValue(string key) => UInt128.Parse(key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>The last poll of <paramref name="feed"/> by this process, if the state database still holds what it saved.</summary>
    public LastPoll? Find(FeedState feed) =>
        _feeds.TryGetValue(feed.FeedId, out var last) && feed.LastPoll is { } saved && saved.ToUnixTimeMilliseconds() == last.SavedAt.ToUnixTimeMilliseconds()
            ? last
            : null;

    /// <summary>After a poll saved as <paramref name="savedAt"/> that left every item of <paramref name="body"/> published or seen.</summary>
    public void Remember(string feedId, DateTimeOffset savedAt, LastPollBody body) => _feeds[feedId] = new LastPoll(savedAt, body);

    /// <summary>After a poll that did not see every item through (or whose state was not saved): nothing is assumed.</summary>
    public void Forget(string feedId) => _feeds.TryRemove(feedId, out _);
}

/// <summary>One feed's entry in <see cref="LastPolls"/>: when that poll was saved and what it read.</summary>
public sealed record LastPoll(DateTimeOffset SavedAt, LastPollBody Body);

/// <summary>
/// A body every item of which is published or seen: its hash, its items' keys and the document without its items
/// (what <see cref="PollSchedule.AfterSuccess"/> reads).
/// </summary>
public sealed record LastPollBody(byte[] Hash, IReadOnlySet<UInt128> Keys, FeedDocument Hints)
{
    public bool SameBytes(byte[] hash) => Hash.AsSpan().SequenceEqual(hash);
}
