using System.Diagnostics;
using System.Diagnostics.Metrics;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Polling;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Fetcher.Telemetry;

/// <summary>
/// The fetcher's meter and activity source (<c>NewsIngest.Fetcher</c>): feeds polled, failed, not modified and
/// paused; items found, new and published; the duration of each poll. Every article starts its own trace here.
/// </summary>
public static class FetcherMetrics
{
    public const string Name = TelemetryNames.Prefix + "Fetcher";

    public static readonly ActivitySource Source = new(Name, ServiceVersion.Current);

    private static readonly Meter Meter = new(Name, ServiceVersion.Current);

    private static readonly Counter<long> FeedsPolled = Meter.CreateCounter<long>("newsingest.fetcher.feeds.polled", "{poll}", "Feed polls, whatever their outcome");
    private static readonly Counter<long> FeedsFailed = Meter.CreateCounter<long>("newsingest.fetcher.feeds.failed", "{poll}", "Feed polls that failed (HTTP error, refused, not a feed)");
    private static readonly Counter<long> FeedsNotModified = Meter.CreateCounter<long>("newsingest.fetcher.feeds.not_modified", "{poll}", "Feed polls answered 304 Not Modified");
    private static readonly Counter<long> FeedsPaused = Meter.CreateCounter<long>("newsingest.fetcher.feeds.paused", "{feed}", "Feeds paused after too many failed polls in a row");
    private static readonly Counter<long> ItemsFound = Meter.CreateCounter<long>("newsingest.fetcher.items.found", "{item}", "Items found in polled feeds, seen before or not");
    private static readonly Counter<long> ItemsNew = Meter.CreateCounter<long>("newsingest.fetcher.items.new", "{item}", "Feed items not seen before");
    private static readonly Counter<long> ItemsPublished = Meter.CreateCounter<long>("newsingest.fetcher.items.published", "{item}", "Articles published to the parser (feed items, pages, inbox files), by kind");
    private static readonly Counter<long> InboxRejected = Meter.CreateCounter<long>("newsingest.fetcher.inbox.rejected", "{file}", "Inbox files rejected (empty, binary, too large)");
    private static readonly Histogram<double> FetchDuration = Meter.CreateHistogram<double>("newsingest.fetcher.fetch.duration", "s", "Time to poll one feed: request, parse and publish");

    /// <summary>Every counter at 0 (see <see cref="CounterBaseline"/>).</summary>
    public static void RecordBaseline()
    {
        foreach (var counter in new[] { FeedsPolled, FeedsFailed, FeedsNotModified, FeedsPaused, ItemsFound, ItemsNew, ItemsPublished, InboxRejected })
        {
            counter.Add(0);
        }
    }

    /// <summary>One finished poll of a feed.</summary>
    public static void RecordPoll(string feedUrl, PollResult result, bool pausedNow, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = !result.Succeeded ? "failed" : result.HttpStatus == 304 ? "not_modified" : "ok";
        FeedsPolled.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        FetchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        if (!result.Succeeded)
        {
            FeedsFailed.Add(1);
            StageCounters.Error();
        }
        else if (result.HttpStatus == 304)
        {
            FeedsNotModified.Add(1);
        }

        if (pausedNow)
        {
            FeedsPaused.Add(1);
        }

        ItemsFound.Add(result.NewItems + result.SeenItems);
        ItemsNew.Add(result.NewItems);
        StageCounters.In(result.NewItems);
        FeedPollLog.Record(feedUrl, result, outcome);
    }

    public static void RecordPublished(ArticleSourceKind kind)
    {
        ItemsPublished.Add(1, new KeyValuePair<string, object?>("kind", TelemetryTags.Kind(kind)));
        StageCounters.Out();
    }

    public static void RecordInboxFile(bool rejected)
    {
        if (rejected)
        {
            InboxRejected.Add(1);
            StageCounters.Error();
        }
        else
        {
            StageCounters.In();
        }
    }

    /// <summary>
    /// Starts the root span of one article's trace (a new trace even inside a poll's span, which it links to) and
    /// puts the fetch time in the baggage the later stages carry on, for the store's end-to-end latency.
    /// </summary>
    public static Activity? StartArticle(ArticleSourceKind kind, string origin, DateTimeOffset fetchedAt)
    {
        var poll = Activity.Current;
        Activity.Current = null;
        ActivityLink[]? links = poll is null ? null : [new ActivityLink(poll.Context)];
        var activity = Source.StartActivity("fetch article", ActivityKind.Producer, parentContext: default, links: links);
        if (activity is null)
        {
            Activity.Current = poll;
            return null;
        }

        activity.SetTag("newsingest.article.kind", TelemetryTags.Kind(kind));
        activity.SetTag("newsingest.origin", origin);
        activity.AddBaggage(TelemetryNames.FetchedAtBaggage, fetchedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return activity;
    }
}
