using NewsIngest.Fetcher.Feeds;
using NewsIngest.Fetcher.Http;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// When a feed is polled next. After a success: its interval, stretched to what the feed (ttl, sy:updatePeriod)
/// and the server (Cache-Control max-age) say about freshness. After a failure: exponential backoff with jitter
/// from the interval, or the server's Retry-After when longer. Everything capped at the maximum interval.
/// </summary>
public sealed class PollSchedule(TimeSpan defaultInterval, TimeSpan maxInterval, Func<double> random)
{
    public TimeSpan AfterSuccess(TimeSpan? feedInterval, FetchResponse response, FeedDocument? feed)
    {
        var wait = feedInterval ?? defaultInterval;
        if (feed?.Ttl is > 0 and var ttl)
        {
            wait = Max(wait, TimeSpan.FromMinutes(ttl));
        }

        if (UpdatePeriod(feed) is { } period)
        {
            wait = Max(wait, period);
        }

        if (response.MaxAge is { } maxAge)
        {
            wait = Max(wait, maxAge);
        }

        return Min(wait, maxInterval);
    }

    /// <param name="consecutiveErrors">Errors in a row, this one included (1 for the first).</param>
    public TimeSpan AfterFailure(TimeSpan? feedInterval, int consecutiveErrors, TimeSpan? retryAfter)
    {
        var interval = feedInterval ?? defaultInterval;
        var exponent = Math.Min(consecutiveErrors, 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * Math.Pow(2, exponent - 1), maxInterval.Ticks));
        var jittered = backoff + (backoff * (0.25 * random())); // up to +25 %, so failed feeds do not come back in step
        return Min(Max(jittered, retryAfter ?? TimeSpan.Zero), maxInterval);
    }

    private static TimeSpan? UpdatePeriod(FeedDocument? feed)
    {
        var period = feed?.UpdatePeriod?.Trim().ToLowerInvariant() switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => (TimeSpan?)null,
        };
        var frequency = feed?.UpdateFrequency is > 0 and var value ? value : 1;
        return period / frequency;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
