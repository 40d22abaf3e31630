using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using NewsIngest.ServiceDefaults;
using NewsIngest.Store.Stories;

namespace NewsIngest.Store.Telemetry;

/// <summary>
/// The store's meter and activity source (<c>NewsIngest.Store</c>): story decisions and the time they take, rejections
/// recorded, records published to the topic, the outbox backlog and the age of its oldest record, and end-to-end
/// latency from the fetch (the baggage the fetcher set) to the record's write and to its publication on the topic.
/// </summary>
public static class StoreMetrics
{
    public const string Name = TelemetryNames.Prefix + "Store";

    public static readonly ActivitySource Source = new(Name, ServiceVersion.Current);

    private static readonly Meter Meter = new(Name, ServiceVersion.Current);

    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "newsingest.store.decisions", "{article}", "Story decisions: new_story, sighting or duplicate (a redelivery)");

    private static readonly Histogram<double> DecisionDuration = Meter.CreateHistogram<double>(
        "newsingest.store.decision.duration", "s", "Time to decide and write one article (dedup lookups included)");

    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>(
        "newsingest.store.rejections", "{article}", "Rejections recorded, by stage");

    private static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "newsingest.store.records.published", "{record}", "Records published to the news.articles topic, by event (stored, updated)");

    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>(
        "newsingest.pipeline.latency", "s", "Time from an article's fetch to its write in the store (stage=stored) and to its publication on the topic (stage=published)");

    static StoreMetrics()
    {
        Meter.CreateObservableGauge("newsingest.store.outbox.pending", () => OutboxBacklog.Latest.Pending, "{record}", "Records and sightings written but not yet published to the topic");
        Meter.CreateObservableGauge("newsingest.store.outbox.oldest_age", () => OutboxBacklog.Latest.OldestAge.TotalSeconds, "s", "Age of the oldest record not yet published (0 when none)");
    }

    /// <summary>Every counter at 0 (see <see cref="CounterBaseline"/>); the outbox gauges exist from here on.</summary>
    public static void RecordBaseline()
    {
        Decisions.Add(0);
        Rejections.Add(0);
        Published.Add(0);
    }

    public static void RecordDecision(StoryOutcome outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("decision", outcome switch
        {
            StoryOutcome.NewStory => "new_story",
            StoryOutcome.Sighting => "sighting",
            _ => "duplicate",
        });
        Decisions.Add(1, tag);
        DecisionDuration.Record(elapsed.TotalSeconds, tag);
        StageCounters.In();
        RecordLatency("stored", FetchedAtOf(Activity.Current));
    }

    public static void RecordRejection(string stage)
    {
        Rejections.Add(1, new KeyValuePair<string, object?>("stage", stage));
        StageCounters.In();
    }

    /// <summary>One record or sighting published to the topic; <paramref name="fetchedAt"/> from the stored trace, when known.</summary>
    public static void RecordPublished(string topicEvent, DateTimeOffset? fetchedAt)
    {
        Published.Add(1, new KeyValuePair<string, object?>("event", topicEvent));
        StageCounters.Out();
        RecordLatency("published", fetchedAt);
    }

    /// <summary>The fetch time the fetcher put in the trace's baggage, if this message carried it.</summary>
    public static DateTimeOffset? FetchedAtOf(Activity? activity) =>
        activity?.GetBaggageItem(TelemetryNames.FetchedAtBaggage) is { } value
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;

    private static void RecordLatency(string stage, DateTimeOffset? fetchedAt)
    {
        if (fetchedAt is { } start)
        {
            Latency.Record(Math.Max(0, (DateTimeOffset.UtcNow - start).TotalSeconds), new KeyValuePair<string, object?>("stage", stage));
        }
    }
}
