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
using NewsIngest.Text.Safety;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Polls one claimed feed: a conditional GET, parse, publish each item not seen before (and record it as seen once
/// the broker confirmed it), schedule the next poll and save the state. One INFO line per poll; a failed poll is one
/// WARN line, and a feed failing <see cref="FetcherOptions.MaxConsecutiveErrors"/> times in a row is paused with one
/// more. An item the broker refuses (away, or nothing bound to route it to) stops the poll; the rest are tried again
/// after <see cref="FetcherOptions.PublishRetryDelay"/> without counting against the feed. A 200 whose bytes are those
/// of this process's last complete poll is not parsed again, and items of that poll are not looked up again
/// (<see cref="LastPolls"/>).
/// </summary>
public sealed class FeedPoller(
    FeedHttpClient http,
    FeedStateStore store,
    ConfirmedPublishing publishing,
    FullArticles fullArticles,
    LastPolls lastPolls,
    IOptions<FetcherOptions> options,
    TimeProvider clock,
    ILogger<FeedPoller> logger)
{
    private readonly PollSchedule _schedule = new(options.Value.PollInterval, options.Value.MaxPollInterval, Random.Shared.NextDouble);

    public async Task<PollResult> PollAsync(FeedState feed, string leaseOwner, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await FetchAndPublishAsync(feed, lastPolls.Find(feed), cancellationToken);
        var now = clock.GetUtcNow();
        var next = outcome switch
        {
            { Succeeded: true } => feed with { ETag = outcome.ETag ?? feed.ETag, LastModified = outcome.LastModified ?? feed.LastModified, ConsecutiveErrors = 0, NextPoll = now + outcome.Wait },
            { Deferred: true } => feed with { NextPoll = now + outcome.Wait }, // the feed is fine; validators kept so the next poll reads it whole
            _ => feed with { ConsecutiveErrors = feed.ConsecutiveErrors + 1, NextPoll = now + outcome.Wait },
        };
        next = next with { LastPoll = now, Paused = !outcome.Succeeded && !outcome.Deferred && next.ConsecutiveErrors >= options.Value.MaxConsecutiveErrors };
        if (!await store.CompleteAsync(next, leaseOwner, CancellationToken.None))
        {
            lastPolls.Forget(feed.FeedId);
            logger.LogWarning("Lost the lease on feed {FeedUrl} while polling it; its state was not saved", feed.FeedUrl);
        }
        else if (outcome is { Succeeded: true, Body: { } body })
        {
            lastPolls.Remember(feed.FeedId, now, body);
        }
        else
        {
            lastPolls.Forget(feed.FeedId);
        }

        var elapsed = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (outcome.Succeeded)
        {
            logger.LogInformation(
                "Polled feed {FeedUrl}: HTTP {HttpStatus}, {NewItems} new, {SeenItems} seen, body unchanged {BodyUnchanged}, {ElapsedMs} ms, next poll {NextPoll:O}",
                feed.FeedUrl, outcome.Status, outcome.New, outcome.Seen, outcome.BodyUnchanged, elapsed, next.NextPoll);
        }
        else if (outcome.Deferred)
        {
            logger.LogWarning(
                "Poll of feed {FeedUrl} stopped: HTTP {HttpStatus}, {NewItems} new, {SeenItems} seen, {ElapsedMs} ms, unpublished items tried again at {NextPoll:O}: {Reason}",
                feed.FeedUrl, outcome.Status, outcome.New, outcome.Seen, elapsed, next.NextPoll, outcome.Failure);
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

        var result = new PollResult(outcome.Status, outcome.New, outcome.Seen, next.NextPoll, outcome.Succeeded, outcome.Failure) { BodyUnchanged = outcome.BodyUnchanged };
        FetcherMetrics.RecordPoll(feed.FeedUrl, result, pausedNow: next.Paused && !feed.Paused, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<Outcome> FetchAndPublishAsync(FeedState feed, LastPoll? last, CancellationToken cancellationToken)
    {
        FetchResponse? response = null;
        try
        {
            response = await http.GetAsync(new Uri(feed.FeedUrl), feed.ETag, feed.LastModified, cancellationToken);
            switch ((HttpStatusCode)response.StatusCode)
            {
                case HttpStatusCode.NotModified:
                    return Outcome.Success(response, 0, 0, _schedule.AfterSuccess(feed.Interval, response, null)) with { Body = last?.Body };
                case HttpStatusCode.OK:
                    var hash = LastPolls.HashOf(response.Body.Span);
                    if (last is not null && last.Body.SameBytes(hash))
                    {
                        // The same bytes as the last poll, which saw every item through: nothing to parse, nothing new.
                        return Outcome.Success(response, 0, last.Body.Keys.Count, _schedule.AfterSuccess(feed.Interval, response, last.Body.Hints)) with { Body = last.Body, BodyUnchanged = true };
                    }

                    var document = FeedParser.Parse(response.Body.Span, response.ContentType, response.FinalUrl);
                    response.Body.Dispose(); // the bytes are parsed: back to the pool before the items are published
                    var (published, seen, keys, publishFailure) = await PublishNewAsync(feed, document, last?.Body.Keys, cancellationToken);
                    return publishFailure is null
                        ? Outcome.Success(response, published, seen, _schedule.AfterSuccess(feed.Interval, response, document)) with { Body = new LastPollBody(hash, keys, document with { Items = [] }) }
                        : Outcome.PublishStopped(response, published, seen, options.Value.PublishRetryDelay, publishFailure);
                default:
                    return Failure(feed, response.StatusCode.ToString(), response);
            }
        }
        catch (Exception ex) when (IsPollFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            return Failure(feed, TransientFailures.IsBlocked(ex) ? Blocked(ex) : ex.Message, response);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not System.Data.Common.DbException)
        {
            // A fault of ours (a parser bug, a hostile feed we did not foresee): this feed fails and backs off, the others go on.
            logger.LogError(ex, "Unexpected {ExceptionType} while polling feed {FeedUrl}", ex.GetType().Name, feed.FeedUrl);
            return Failure(feed, $"unexpected {ex.GetType().Name}: {ex.Message}", response);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private Outcome Failure(FeedState feed, string reason, FetchResponse? response) => new(
        false, response?.StatusCode ?? 0, 0, 0, null, null,
        _schedule.AfterFailure(feed.Interval, feed.ConsecutiveErrors + 1, response?.RetryAfter), reason);

    /// <param name="known">Keys of items the last poll saw through (published or seen): not looked up again.</param>
    private async Task<(int Published, int Seen, IReadOnlySet<UInt128> Keys, string? PublishFailure)> PublishNewAsync(
        FeedState feed, FeedDocument document, IReadOnlySet<UInt128>? known, CancellationToken cancellationToken)
    {
        var items = document.Items.Select(ItemWithKey).DistinctBy(entry => entry.Key).ToList();
        var unknown = known is null ? items : [.. items.Where(entry => !known.Contains(entry.Value))];
        var seen = unknown.Count == 0 ? [] : await store.SeenAsync(feed.FeedId, [.. unknown.Select(entry => entry.Key)], cancellationToken);
        var fresh = unknown.Where(entry => !seen.Contains(entry.Key)).ToList();
        var keys = items.Select(entry => entry.Value).ToHashSet();
        var seenCount = items.Count - fresh.Count;
        var ready = await fullArticles.WithPagesAsync(
            feed.FeedUrl, [.. fresh.Select(entry => (entry.Item, ToFetchedItem(feed, document, entry.Item, entry.Key)))], cancellationToken);
        var (published, failure) = await publishing.PublishAsync(feed.FeedId, [.. ready.Select((item, i) => (item, fresh[i].Key))], cancellationToken);
        return (published, seenCount, keys, failure);
    }

    private static (FeedItem Item, string Key, UInt128 Value) ItemWithKey(FeedItem item)
    {
        var key = ItemKeys.For(item);
        return (item, key, LastPolls.KeyValue(key));
    }

    private static FetchedItem ToFetchedItem(FeedState feed, FeedDocument document, FeedItem item, string key) => new()
    {
        ArticleId = ArticleIds.FromKey($"feed:{feed.FeedUrl}|{key}"),
        Kind = ArticleSourceKind.FeedItem,
        Body = System.Text.Encoding.UTF8.GetBytes(item.Content ?? item.Summary ?? string.Empty),
        Charset = "utf-8",
        Origin = feed.FeedUrl,
        FeedUrl = feed.FeedUrl,
        FeedTitle = ControlCharacters.StripOrNull(document.Title),
        Url = WebAddresses.HttpOrNull(item.Link), // javascript:, data:, CR/LF… never leave the fetcher as a URL
        Title = ControlCharacters.StripOrNull(item.Title),
        Author = ControlCharacters.StripOrNull(item.Author?.Name ?? item.Author?.Email),
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
        /// <summary>On success, what this poll read, every item of it published or seen: remembered for the next one.</summary>
        public LastPollBody? Body { get; init; }

        /// <summary>The body was that of the last poll: not parsed.</summary>
        public bool BodyUnchanged { get; init; }

        /// <summary>The feed was read but an item could not be published: tried again soon, not counted as a feed error.</summary>
        public bool Deferred { get; private init; }

        public static Outcome Success(FetchResponse response, int published, int seen, TimeSpan wait) =>
            new(true, response.StatusCode, published, seen, response.ETag, response.LastModified, wait, null);

        public static Outcome PublishStopped(FetchResponse response, int published, int seen, TimeSpan wait, string reason) =>
            new(false, response.StatusCode, published, seen, null, null, wait, reason) { Deferred = true };
    }
}
