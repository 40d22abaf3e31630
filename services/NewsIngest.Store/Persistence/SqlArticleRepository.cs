using System.Data.Common;
using System.Text.Json;
using NewsIngest.Contracts;
using static NewsIngest.Store.Persistence.CommandParameters;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// One repository for PostgreSQL and SQLite: an insert that conflicts on the article id or the content hash
/// writes nothing, then a look-up says which key matched.
/// </summary>
public sealed class SqlArticleRepository(SqlDialect dialect) : IArticleRepository
{
    private const long StoryDecisionLock = 7346002;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (dialect.NativeTypes)
        {
            // Replicas starting together take turns.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7346001)", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY)", cancellationToken);
        var current = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= dialect.Migrations.Count; version++)
        {
            await ExecuteAsync(connection, transaction, dialect.Migrations[version - 1], cancellationToken);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_migrations (version) VALUES ({version})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<SaveOutcome> SaveAsync(ArticleStored record, StoryFacts story, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO articles (article_id, correlation_id, content_hash, title, language, category, url, source, published_at, stored_at, record, story_id, canonical_url)
            VALUES (@id, @correlation, @hash, @title, @language, @category, @url, @source, @published, @stored, {dialect.Json("@record")}, @id, @canonical)
            ON CONFLICT DO NOTHING
            """;
        Add(insert, "canonical", (object?)story.CanonicalUrl ?? DBNull.Value);
        Add(insert, "id", dialect.Id(record.ArticleId));
        Add(insert, "correlation", dialect.Id(record.CorrelationId));
        Add(insert, "hash", record.ContentHash);
        Add(insert, "title", record.Article.Title);
        Add(insert, "language", record.Enrichment.Language);
        Add(insert, "category", record.Category);
        Add(insert, "url", (object?)record.Article.Url ?? DBNull.Value);
        Add(insert, "source", (object?)record.Article.Source ?? DBNull.Value);
        Add(insert, "published", dialect.Time(record.Article.Published));
        Add(insert, "stored", dialect.Time(record.StoredAt));
        Add(insert, "record", JsonSerializer.Serialize(record, Json));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            await InsertVersionAsync(connection, transaction, record.ArticleId, story.Fingerprint, cancellationToken);
            await InsertSightingAsync(connection, transaction, record.ArticleId, record, 1.0, "new story", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SaveOutcome(SaveResult.Inserted, null, Published: false);
        }

        await transaction.RollbackAsync(cancellationToken);

        var same = await FindAsync(connection, "article_id = @key", dialect.Id(record.ArticleId), cancellationToken);
        if (same is not null)
        {
            return same with { Result = SaveResult.AlreadyStored };
        }

        var duplicate = await FindAsync(connection, "content_hash = @key", record.ContentHash, cancellationToken)
            ?? throw new InvalidOperationException($"Article {record.ArticleId} conflicted but no matching row was found.");
        return duplicate with { Result = SaveResult.DuplicateContent };
    }

    public async Task<bool> AddSightingAsync(Guid storyId, ArticleStored record, double similarity, string reason, byte[]? newVersion, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await InsertSightingAsync(connection, transaction, storyId, record, similarity, reason, cancellationToken);
        if (added && newVersion is not null)
        {
            await InsertVersionAsync(connection, transaction, storyId, newVersion, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<StoryVersion>> ReadStoryVersionsAsync(long afterSeq, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, story_id, fingerprint FROM story_versions WHERE seq > @after ORDER BY seq";
        Add(command, "after", afterSeq);
        var versions = new List<StoryVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new StoryVersion(reader.GetInt64(0), SqlDialect.ReadId(reader.GetValue(1)), (byte[])reader.GetValue(2)));
        }

        return versions;
    }

    public async Task<IAsyncDisposable> LockStoryDecisionsAsync(CancellationToken cancellationToken)
    {
        if (!dialect.NativeTypes)
        {
            return NoLock.Instance;
        }

        var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({StoryDecisionLock})", cancellationToken);
            return new AdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<Guid?> FindStoryByCanonicalUrlAsync(string canonicalUrl, CancellationToken cancellationToken) =>
        await StoryWhereAsync("canonical_url = @key", canonicalUrl, cancellationToken);

    public async Task<Guid?> StoryOfAsync(Guid articleId, CancellationToken cancellationToken) =>
        await StoryWhereAsync("article_id = @key", dialect.Id(articleId), cancellationToken);

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        return Convert.ToInt64(await ScalarAsync(connection, null, $"SELECT COUNT(*) FROM articles WHERE published_to_topic = {dialect.False}", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task SaveRejectionAsync(ArticleRejected rejection, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO rejected_articles (article_id, correlation_id, stage, reason, origin, rejected_at)
            VALUES (@id, @correlation, @stage, @reason, @origin, @at)
            ON CONFLICT DO NOTHING
            """;
        Add(command, "id", dialect.Id(rejection.ArticleId));
        Add(command, "correlation", dialect.Id(rejection.CorrelationId));
        Add(command, "stage", rejection.Stage);
        Add(command, "reason", rejection.Reason);
        Add(command, "origin", (object?)rejection.Origin ?? DBNull.Value);
        Add(command, "at", dialect.Time(rejection.RejectedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountArticlesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        return Convert.ToInt64(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM articles", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Guid?> StoryWhereAsync(string condition, object key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT story_id FROM articles WHERE {condition} LIMIT 1";
        Add(command, "key", key);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : SqlDialect.ReadId(value);
    }

    private async Task InsertVersionAsync(DbConnection connection, DbTransaction transaction, Guid storyId, byte[] fingerprint, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO story_versions (story_id, fingerprint) VALUES (@story, @fingerprint)";
        Add(command, "story", dialect.Id(storyId));
        Add(command, "fingerprint", fingerprint);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> InsertSightingAsync(DbConnection connection, DbTransaction transaction, Guid storyId, ArticleStored record, double similarity, string reason, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A story's own first sighting is announced by its stored event; every later one is an outbox entry.
        command.CommandText = $"""
            INSERT INTO sightings (article_id, story_id, source, url, feed_url, similarity, seen_at, reason, correlation_id, published_to_topic)
            VALUES (@id, @story, @source, @url, @feed, @similarity, @seen, @reason, @correlation, {(storyId == record.ArticleId ? dialect.True : dialect.False)})
            ON CONFLICT DO NOTHING
            """;
        Add(command, "reason", reason);
        Add(command, "correlation", dialect.Id(record.CorrelationId));
        Add(command, "id", dialect.Id(record.ArticleId));
        Add(command, "story", dialect.Id(storyId));
        Add(command, "source", (object?)record.Article.Source ?? DBNull.Value);
        Add(command, "url", (object?)record.Article.Url ?? DBNull.Value);
        Add(command, "feed", (object?)record.Article.FeedUrl ?? DBNull.Value);
        Add(command, "similarity", similarity);
        Add(command, "seen", dialect.Time(record.StoredAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<SaveOutcome?> FindAsync(DbConnection connection, string condition, object key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT article_id, published_to_topic FROM articles WHERE {condition}";
        Add(command, "key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var published = Convert.ToBoolean(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        return new SaveOutcome(SaveResult.AlreadyStored, SqlDialect.ReadId(reader.GetValue(0)), published);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed class AdvisoryLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({StoryDecisionLock})", CancellationToken.None);
            }
            finally
            {
                // Closing the session releases the lock even when the unlock failed.
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
