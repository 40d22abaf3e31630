using System.Data;
using System.Data.Common;
using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.Data;
using static NewsIngest.Data.SqlCommands;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// The statements that write a story decision, each added to one command so that a decision's write is one
/// round trip: a new story's record, a story version with its band keys, a sighting. Every text is constant and
/// every parameter keeps its type when its value is null, so a prepared statement is reused whatever the values.
/// </summary>
internal static class StoryWrites
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A text parameter, typed as text when null too.</summary>
    public static void AddText(DbCommand command, string name, string? value)
    {
        Add(command, name, value);
        command.Parameters[^1].DbType = DbType.String;
    }

    /// <summary>A time parameter, typed as a time when null too.</summary>
    private static void AddTime(SqlDialect dialect, DbCommand command, string name, DateTimeOffset? value)
    {
        Add(command, name, dialect.Time(value));
        if (value is null)
        {
            command.Parameters[^1].DbType = DbType.DateTimeOffset;
        }
    }

    /// <summary>The article row and its outbox row (ON CONFLICT DO NOTHING: a conflict on its id or content hash writes
    /// neither); the outbox row leased until <paramref name="leasedUntil"/> to the replica deciding (null: to none).</summary>
    public static string Article(SqlDialect dialect, DbCommand command, ArticleStored record, string? canonicalUrl, DateTimeOffset? leasedUntil)
    {
        AddText(command, "canonical", canonicalUrl);
        Add(command, "id", dialect.Id(record.ArticleId));
        Add(command, "correlation", dialect.Id(record.CorrelationId));
        Add(command, "hash", record.ContentHash);
        Add(command, "title", record.Article.Title);
        Add(command, "language", record.Enrichment.Language);
        Add(command, "category", record.Category);
        AddText(command, "url", record.Article.Url);
        AddText(command, "source", record.Article.Source);
        AddTime(dialect, command, "published", record.Article.Published);
        Add(command, "stored", dialect.Time(record.StoredAt));
        AddTime(dialect, command, "lease", leasedUntil);

        Add(command, "record", JsonSerializer.Serialize(record, Json));
        var article = $"""
            INSERT INTO articles (article_id, correlation_id, content_hash, title, language, category, url, source, published_at, stored_at, record, story_id, canonical_url)
            VALUES (@id, @correlation, @hash, @title, @language, @category, @url, @source, @published, @stored, {dialect.Json("@record")}, @id, @canonical)
            ON CONFLICT DO NOTHING
            """;

        // Its outbox row only when the article row was written: a conflict leaves both as they were.
        return dialect.NativeTypes
            ? $"""
                WITH stored AS ({article} RETURNING article_id, stored_at)
                INSERT INTO article_outbox (article_id, stored_at, publish_lease_until) SELECT article_id, stored_at, @lease FROM stored
                """
            : $"""
                {article};
                INSERT INTO article_outbox (article_id, stored_at, publish_lease_until) SELECT @id, @stored, @lease WHERE changes() = 1
                """;
    }

    /// <summary>A version of story <c>@story</c>'s text and one band row per band key, all seen at <c>@seen</c>.</summary>
    public static string Version(SqlDialect dialect, DbCommand command, StoryFacts version)
    {
        Add(command, "fingerprint", version.Fingerprint);
        Add(command, "bands", dialect.Keys(version.BandKeys ?? []));
        // SQLite: story_bands is WITHOUT ROWID, so its inserts leave last_insert_rowid() at the version's seq.
        return dialect.NativeTypes
            ? $"""
                WITH version AS (
                    INSERT INTO story_versions (story_id, fingerprint, seen_at, banded) VALUES (@story, @fingerprint, @seen, true) RETURNING seq)
                INSERT INTO story_bands (band_key, seq, seen_at) SELECT DISTINCT keys.k, version.seq, @seen FROM version, {dialect.RowsOf("@bands")}
                """
            : $"""
                INSERT INTO story_versions (story_id, fingerprint, seen_at, banded) VALUES (@story, @fingerprint, @seen, 1);
                INSERT OR IGNORE INTO story_bands (band_key, seq, seen_at) SELECT keys.k, last_insert_rowid(), @seen FROM {dialect.RowsOf("@bands")}
                """;
    }

    /// <summary>A sighting of story <c>@story</c> by the article (idempotent per article id). A story's own first
    /// sighting is announced by its stored event; every later one is an outbox entry.</summary>
    public static string Sighting(SqlDialect dialect, DbCommand command, Guid storyId, ArticleStored record, double similarity, string reason)
    {
        Add(command, "story", dialect.Id(storyId));
        Add(command, "sighting", dialect.Id(record.ArticleId));
        Add(command, "reason", reason);
        Add(command, "sighting_correlation", dialect.Id(record.CorrelationId));
        AddText(command, "sighting_source", record.Article.Source);
        AddText(command, "sighting_url", record.Article.Url);
        AddText(command, "feed", record.Article.FeedUrl);
        Add(command, "similarity", similarity);
        Add(command, "seen", dialect.Time(record.StoredAt));
        return $"""
            INSERT INTO sightings (article_id, story_id, source, url, feed_url, similarity, seen_at, reason, correlation_id, published_to_topic)
            VALUES (@sighting, @story, @sighting_source, @sighting_url, @feed, @similarity, @seen, @reason, @sighting_correlation, {(storyId == record.ArticleId ? dialect.True : dialect.False)})
            ON CONFLICT DO NOTHING
            """;
    }
}
