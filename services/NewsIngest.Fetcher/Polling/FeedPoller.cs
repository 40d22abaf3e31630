using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Articles;
using NewsIngest.Fetcher.Feeds;
using NewsIngest.Fetcher.Http;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.Fetcher.State;
using NewsIngest.Fetcher.Telemetry;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Polls one claimed feed: a conditional GET, parse, publish each item not seen before (then record it as seen),
/// schedule the next poll and save the state. One INFO line per poll; a failed poll is one WARN line, and a feed
/// failing <see cref="FetcherOptions.MaxConsecutiveErrors"/> times in a row is paused with one more.
/// </summary>
public sealed class FeedPoller(
    FeedHttpClient http,
    FeedStateStore store,
    IFetchedItemPublisher publisher,
    FullArticles fullArticles,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<FeedPoller> logger)
{
    private readonly PollSchedule _schedule = new(options.Value.PollInterval, options.Value.MaxPollInterval, Random.Shared.NextDouble);

    public async Task<PollResult> PollAsync(FeedState feed, string leaseOwner, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await FetchAndPublishAsync(feed, cancellationToken);
        var now = clock.GetUtcNow();
        var next = outcome.Succeeded
            ? feed with { ETag = outcome.ETag ?? feed.ETag, LastModified = outcome.LastModified ?? feed.LastModified, ConsecutiveErrors = 0, NextPoll = now + outcome.Wait }
            : feed with { ConsecutiveErrors = feed.ConsecutiveErrors + 1, NextPoll = now + outcome.Wait };
        next = next with { LastPoll = now, Paused = !outcome.Succeeded && next.ConsecutiveErrors >= options.Value.MaxConsecutiveErrors };
        if (!await store.CompleteAsync(next, leaseOwner, CancellationToken.None))
        {
            logger.LogWarning("Lost the lease on feed {FeedUrl} while polling it; its state was not saved", feed.FeedUrl);
        }

        var elapsed = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (outcome.Succeeded)
        {
            logger.LogInformation(
                "Polled feed {FeedUrl}: HTTP {HttpStatus}, {NewItems} new, {SeenItems} seen, {ElapsedMs} ms, next poll {NextPoll:O}",
                feed.FeedUrl, outcome.Status, outcome.New, outcome.Seen, elapsed, next.NextPoll);
        }
        else
        {
            logger.LogWarning(
                "Poll of feed {FeedUrl} failed: HTTP {HttpStatus}, {NewItems} new, {SeenItems} seen, {ElapsedMs} ms, next poll {NextPoll:O}, error {ConsecutiveErrors} in a row: {Reason}",
                feed.FeedUrl, outcome.Status, outcome.New, outcome.Seen, elapsed, next.NextPoll, next.ConsecutiveErrors, outcome.Failure);
        }

        if (next.Paused)
        {
            logger.LogWarning(
                "Feed {FeedUrl} paused after {ConsecutiveErrors} failed polls in a row; resume it with POST /feeds/{FeedId}/resume",
                feed.FeedUrl, next.ConsecutiveErrors, feed.FeedId);
        }

        var result = new PollResult(outcome.Status, outcome.New, outcome.Seen, next.NextPoll, outcome.Succeeded, outcome.Failure);
        FetcherMetrics.RecordPoll(feed.FeedUrl, result, pausedNow: next.Paused && !feed.Paused, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<Outcome> FetchAndPublishAsync(FeedState feed, CancellationToken cancellationToken)
    {
        FetchResponse? response = null;
        try
        {
            response = await http.GetAsync(new Uri(feed.FeedUrl), feed.ETag, feed.LastModified, cancellationToken);
            switch ((HttpStatusCode)response.StatusCode)
            {
                case HttpStatusCode.NotModified:
                    return Outcome.Success(response, 0, 0, _schedule.AfterSuccess(feed.Interval, response, null));
                case HttpStatusCode.OK:
                    var document = FeedParser.Parse(response.Body, response.ContentType, response.FinalUrl);
                    var (published, seen) = await PublishNewAsync(feed, document, cancellationToken);
                    return Outcome.Success(response, published, seen, _schedule.AfterSuccess(feed.Interval, response, document));
                default:
                    return Failure(feed, response.StatusCode.ToString(), response);
            }
        }
        catch (Exception ex) when (IsPollFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            return Failure(feed, TransientFailures.IsBlocked(ex) ? Blocked(ex) : ex.Message, response);
        }
    }

    private Outcome Failure(FeedState feed, string reason, FetchResponse? response) => new(
        false, response?.StatusCode ?? 0, 0, 0, null, null,
        _schedule.AfterFailure(feed.Interval, feed.ConsecutiveErrors + 1, response?.RetryAfter), reason);

    private async Task<(int Published, int Seen)> PublishNewAsync(FeedState feed, FeedDocument document, CancellationToken cancellationToken)
    {
        var items = document.Items.Select(item => (Item: item, Key: ItemKeys.For(item))).DistinctBy(entry => entry.Key).ToList();
        var seen = await store.SeenAsync(feed.FeedId, [.. items.Select(entry => entry.Key)], cancellationToken);
        var published = new List<string>();
        try
        {
            foreach (var (item, key) in items.Where(entry => !seen.Contains(entry.Key)))
            {
                var fetched = ToFetchedItem(feed, document, item, key);
                if (fullArticles.Wants(feed.FeedUrl, item))
                {
                    fetched = await fullArticles.FetchPageAsync(fetched, cancellationToken);
                }

                await publisher.PublishAsync(fetched, cancellationToken);
                published.Add(key);
            }
        }
        finally
        {
            // Even when a later publish fails, what went out is recorded; a crash before this line republishes
            // a few items, which the deterministic article ids make harmless downstream.
            await store.MarkSeenAsync(feed.FeedId, published, clock.GetUtcNow(), CancellationToken.None);
        }

        return (published.Count, items.Count - published.Count);
    }

    private static FetchedItem ToFetchedItem(FeedState feed, FeedDocument document, FeedItem item, string key) => new()
    {
        ArticleId = ArticleIds.FromKey($"feed:{feed.FeedUrl}|{key}"),
        Kind = ArticleSourceKind.FeedItem,
        Body = System.Text.Encoding.UTF8.GetBytes(item.Content ?? item.Summary ?? string.Empty),
        Charset = "utf-8",
        Origin = feed.FeedUrl,
        FeedUrl = feed.FeedUrl,
        FeedTitle = document.Title,
        Url = item.Link,
        Title = item.Title,
        Author = item.Author?.Name ?? item.Author?.Email,
        Published = item.Published ?? item.Updated,
    };

    private static string Blocked(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (current is BlockedAddressException blocked)
            {
                return "SSRF guard: " + blocked.Message;
            }
        }

        return ex.Message;
    }

    private static bool IsPollFailure(Exception ex) =>
        ex is FeedFormatException || FetchFailures.IsFetchFailure(ex);

    private sealed record Outcome(bool Succeeded, int Status, int New, int Seen, string? ETag, string? LastModified, TimeSpan Wait, string? Failure)
    {
        public static Outcome Success(FetchResponse response, int published, int seen, TimeSpan wait) =>
            new(true, response.StatusCode, published, seen, response.ETag, response.LastModified, wait, null);
    }
}
