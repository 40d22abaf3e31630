using System.Globalization;
using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.Data;
using NewsIngest.Store.Records;

namespace NewsIngest.Store.Persistence;

/// <summary>The two tables of the outbox: stored records (<c>article.stored</c>) and later sightings (<c>article.updated</c>).</summary>
public static class OutboxLanes
{
    private const string NotLeased = "(publish_lease_until IS NULL OR publish_lease_until < @now)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly OutboxLane<ArticleStored> Records = new(
        "records",
        "articles",
        (dialect, limit) => $"""
            SELECT article_id, record FROM articles
            WHERE published_to_topic = {dialect.False} AND {NotLeased}
            ORDER BY stored_at LIMIT {limit} {dialect.SkipLocked}
            """,
        limit => $"""
            WITH claimed AS (
                UPDATE articles SET publish_lease_until = @until
                WHERE article_id IN (
                    SELECT article_id FROM articles WHERE published_to_topic = false AND {NotLeased}
                    ORDER BY stored_at LIMIT {limit} FOR UPDATE SKIP LOCKED)
                RETURNING article_id, record, stored_at)
            SELECT article_id, record FROM claimed ORDER BY stored_at
            """,
        reader => JsonSerializer.Deserialize<ArticleStored>(reader.GetString(1), Json)!,
        record => record.ArticleId);

    /// <summary>A sighting waits until its story's own record is published, so <c>updated</c> never precedes <c>stored</c>.</summary>
    public static readonly OutboxLane<ArticleUpdated> Sightings = new(
        "sightings",
        "sightings",
        (dialect, limit) => $"""
            SELECT s.article_id, s.story_id, s.source, s.url, s.feed_url, s.similarity, s.seen_at, s.reason, s.correlation_id, a.record
            FROM sightings s JOIN articles a ON a.article_id = s.story_id
            WHERE s.published_to_topic = {dialect.False} AND a.published_to_topic = {dialect.True} AND {NotLeased.Replace("publish_lease_until", "s.publish_lease_until", StringComparison.Ordinal)}
            ORDER BY s.seen_at LIMIT {limit} {dialect.SkipLockedOf("s")}
            """,
        limit => $"""
            WITH claimed AS (
                UPDATE sightings SET publish_lease_until = @until
                WHERE article_id IN (
                    SELECT s.article_id FROM sightings s JOIN articles a ON a.article_id = s.story_id
                    WHERE s.published_to_topic = false AND a.published_to_topic = true AND {NotLeased.Replace("publish_lease_until", "s.publish_lease_until", StringComparison.Ordinal)}
                    ORDER BY s.seen_at LIMIT {limit} FOR UPDATE OF s SKIP LOCKED)
                RETURNING article_id, story_id, source, url, feed_url, similarity, seen_at, reason, correlation_id)
            SELECT c.article_id, c.story_id, c.source, c.url, c.feed_url, c.similarity, c.seen_at, c.reason, c.correlation_id, a.record
            FROM claimed c JOIN articles a ON a.article_id = c.story_id
            ORDER BY c.seen_at
            """,
        reader => new ArticleUpdated
        {
            SchemaVersion = StoredRecordFactory.SchemaVersion,
            ArticleId = SqlDialect.ReadId(reader.GetValue(0)),
            StoryId = SqlDialect.ReadId(reader.GetValue(1)),
            Source = reader.IsDBNull(2) ? null : reader.GetString(2),
            Url = reader.IsDBNull(3) ? null : reader.GetString(3),
            FeedUrl = reader.IsDBNull(4) ? null : reader.GetString(4),
            Similarity = reader.GetDouble(5),
            SeenAt = reader.GetValue(6) is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
            Reason = reader.IsDBNull(7) ? "sighting" : reader.GetString(7),
            CorrelationId = reader.IsDBNull(8) ? Guid.Empty : SqlDialect.ReadId(reader.GetValue(8)),
            Story = JsonSerializer.Deserialize<ArticleStored>(reader.GetString(9), Json)!,
        },
        update => update.ArticleId);
}
