using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NewsIngest.Contracts;
using NewsIngest.Data;
using NewsIngest.Data.Migrations;
using static NewsIngest.Data.SqlCommands;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// One repository for PostgreSQL and SQLite: an insert that conflicts on the article id or the content hash
/// writes nothing, then a look-up says which key matched.
/// </summary>
public sealed class SqlArticleRepository(SqlDialect dialect, ILogger<SqlArticleRepository>? logger = null) : IArticleRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        var result = await MigrationRunner.RunAsync(dialect, Schema.For(dialect), (ILogger?)logger ?? NullLogger.Instance, cancellationToken);
        await StoryBandBackfill.RunAsync(dialect, cancellationToken);
        return result;
    }

    public async Task<SaveOutcome> SaveAsync(ArticleStored record, StoryFacts story, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = StoryWrites.Article(dialect, insert, record, story.CanonicalUrl, leasedUntil: null);
            // Rows written: the article and its outbox row (SQLite counts both, PostgreSQL the outbox row), or none.
            if (await insert.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                await using var rest = connection.CreateCommand();
                rest.Transaction = transaction;
                rest.CommandText = StoryWrites.Sighting(dialect, rest, record.ArticleId, record, 1.0, "new story") + ";\n" + StoryWrites.Version(dialect, rest, story);
                await rest.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new SaveOutcome(SaveResult.Inserted, null);
            }
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

    public async Task<bool> AddSightingAsync(Guid storyId, ArticleStored record, double similarity, string reason, StoryFacts? newVersion, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = StoryWrites.Sighting(dialect, command, storyId, record, similarity, reason);
        var added = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (added && newVersion is not null)
        {
            await using var version = connection.CreateCommand();
            version.Transaction = transaction;
            Add(version, "story", dialect.Id(storyId));
            Add(version, "seen", dialect.Time(record.StoredAt));
            version.CommandText = StoryWrites.Version(dialect, version, newVersion);
            await version.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IStoryDecision> BeginStoryDecisionAsync(StoryKeys keys, CancellationToken cancellationToken) =>
        await SqlStoryDecision.BeginAsync(dialect, keys, cancellationToken);

    public Task<int> SweepExpiredVersionsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        StoryWindowSweep.RunAsync(dialect, before, limit, cancellationToken);

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        return Convert.ToInt64(await connection.ScalarAsync(null, "SELECT COUNT(*) FROM article_outbox", [], cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
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
        return Convert.ToInt64(await connection.ScalarAsync(null, "SELECT COUNT(*) FROM articles", [], cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<SaveOutcome?> FindAsync(DbConnection connection, string condition, object key, CancellationToken cancellationToken) =>
        await connection.ScalarAsync(null, $"SELECT article_id FROM articles WHERE {condition}", [("key", key)], cancellationToken) is { } id
            ? new SaveOutcome(SaveResult.AlreadyStored, SqlDialect.ReadId(id))
            : null;
}
