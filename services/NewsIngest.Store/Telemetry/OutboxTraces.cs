using System.Collections.Concurrent;
using System.Diagnostics;

namespace NewsIngest.Store.Telemetry;

/// <summary>
/// Carries an article's trace from the consumer that wrote it to the outbox loop that publishes it, so the topic
/// publish is a span of the article's own trace. In memory and bounded: a record published by another replica or
/// after a restart starts a trace of its own.
/// </summary>
public static class OutboxTraces
{
    private const int Capacity = 10_000;
    private static readonly ConcurrentDictionary<Guid, (ActivityContext Context, DateTimeOffset? FetchedAt)> Pending = new();

    /// <summary>Remembers the current trace for the record of <paramref name="articleId"/>.</summary>
    public static void Remember(Guid articleId)
    {
        if (Activity.Current is { } current && Pending.Count < Capacity)
        {
            Pending[articleId] = (current.Context, StoreMetrics.FetchedAtOf(current));
        }
    }

    /// <summary>Starts the span of publishing <paramref name="articleId"/> to the topic (a child of its stored trace when known).</summary>
    public static Activity? StartPublish(Guid articleId, string topicEvent, out DateTimeOffset? fetchedAt)
    {
        fetchedAt = null;
        ActivityContext parent = default;
        if (Pending.TryRemove(articleId, out var remembered))
        {
            parent = remembered.Context;
            fetchedAt = remembered.FetchedAt;
        }

        var activity = StoreMetrics.Source.StartActivity("publish to topic", ActivityKind.Producer, parent);
        activity?.SetTag("newsingest.article_id", articleId);
        activity?.SetTag("newsingest.topic_event", topicEvent);
        return activity;
    }
}
