using System.Globalization;
using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.Data;
using NewsIngest.Store.Records;

namespace NewsIngest.Store.Persistence;

/// <summary>The two tables of the outbox: stored records (<c>article.stored</c>) and later sightings (<c>article.updated</c>).</summary>
/// <remarks>A stored record waits as a narrow row of <c>article_outbox</c>, deleted once published: leasing and marking
/// it never rewrites the wide article row (whose every index, full-text and entity GIN included, an update would
/// touch again). A sighting row is narrow itself and carries its flag.</remarks>
public static class OutboxLanes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly OutboxLane<ArticleStored> Records = new(
        "records",
        "article_outbox",
        "r",
        "r.article_id",
        dialect => dialect.True,
        dialect => dialect.True,
        _ => "DELETE FROM article_outbox WHERE article_id = @key",
        "stored_at",
        "r.article_id, a.record",
        reader => JsonSerializer.Deserialize<ArticleStored>(reader.GetString(1), Json)!,
        record => record.ArticleId);

    /// <summary>A sighting waits until its story's own record is published, so <c>updated</c> never precedes <c>stored</c>.</summary>
    public static readonly OutboxLane<ArticleUpdated> Sightings = new(
        "sightings",
        "sightings",
        "s",
        "s.story_id",
        dialect => $"s.published_to_topic = {dialect.False} AND (SELECT o.article_id FROM article_outbox o WHERE o.article_id = s.story_id) IS NULL",
        dialect => $"published_to_topic = {dialect.False}",
        dialect => $"UPDATE sightings SET published_to_topic = {dialect.True}, publish_lease_until = NULL WHERE article_id = @key",
        "seen_at",
        "s.article_id, s.story_id, s.source, s.url, s.feed_url, s.similarity, s.seen_at, s.reason, s.correlation_id, a.record",
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
