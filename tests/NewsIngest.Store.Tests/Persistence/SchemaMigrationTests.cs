using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NewsIngest.Data;
using NewsIngest.Data.Migrations;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Records;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Persistence;

/// <summary>The store's schema through the shared runner, on a real PostgreSQL server and on an SQLite file.</summary>
public sealed class SchemaMigrationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _directory = TestDirectory.Create("store-migrations");
    private readonly List<SqlDialect> _dialects = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var dialect in _dialects)
        {
            await dialect.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        await TestDirectory.DeleteAsync(_directory);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Migrate_DatabaseOfPreviousRunner_AdoptsItsVersionsAndRunsOnlyTheNewOne(string provider)
    {
        // Arrange: what the runner before the journal left, one migration behind; a table migration 1 made is
        // dropped, so running migration 1 again would bring it back.
        var dialect = await CreateAsync(provider);
        var scripts = Schema.For(dialect).Scripts;
        await MigrateAsPreviousRunnerAsync(dialect, scripts.Count - 1);
        await ExecuteAsync(dialect, "DROP TABLE rejected_articles");

        // Act
        var result = await new SqlArticleRepository(dialect).MigrateAsync(Token);

        // Assert
        result.ShouldBe(new MigrationResult(scripts.Count, Applied: 1, Adopted: scripts.Count - 1));
        (await TableExistsAsync(dialect, "rejected_articles")).ShouldBeFalse();
        (await JournalAsync(dialect)).ShouldBe(scripts.Select(MigrationRunner.Checksum));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Migrate_AppliedMigrationEdited_IsRefusedWithOneErrorLineAndRunsNothing(string provider)
    {
        // Arrange: a migrated database, then a build whose migration 2 was edited and that adds migration N + 1.
        var dialect = await CreateAsync(provider);
        await new SqlArticleRepository(dialect).MigrateAsync(Token);
        var shipped = Schema.For(dialect);
        var edited = shipped with
        {
            Scripts = [.. shipped.Scripts.Select((script, i) => i == 1 ? script + "\nCREATE INDEX ix_edited ON articles (title);" : script), "CREATE TABLE never_created (id integer)"],
        };
        var logger = new FakeLogger();

        // Act
        var refused = await Should.ThrowAsync<MigrationRefusedException>(() => MigrationRunner.RunAsync(dialect, edited, logger, Token));

        // Assert
        var error = logger.Collector.GetSnapshot().Where(record => record.Level >= LogLevel.Error).ShouldHaveSingleItem();
        error.Message.ShouldContain("migration 2 differs");
        refused.Message.ShouldContain("migration 2 differs");
        (await TableExistsAsync(dialect, "never_created")).ShouldBeFalse();
        (await JournalAsync(dialect)).Count.ShouldBe(shipped.Scripts.Count);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Migrate_FromPublishedFlagOnTheArticle_MovesOnlyUnpublishedRecordsToTheOutbox(string provider)
    {
        // Arrange: a database before the outbox's migration, when a record's publication was a flag on its article row,
        // with one record published and one not.
        var dialect = await CreateAsync(provider);
        await MigrateToBeforeAsync(dialect, "CREATE TABLE IF NOT EXISTS article_outbox");
        var published = Guid.NewGuid();
        var waiting = Guid.NewGuid();
        await InsertFlaggedArticleAsync(dialect, published, isPublished: true);
        await InsertFlaggedArticleAsync(dialect, waiting, isPublished: false);

        // Act
        await new SqlArticleRepository(dialect).MigrateAsync(Token);

        // Assert: the waiting record is the outbox's one row, and the dispatcher's claim returns it.
        await using var connection = await dialect.OpenAsync(Token);
        var outbox = Convert.ToString(await connection.ScalarAsync(null, "SELECT article_id FROM article_outbox", [], Token), System.Globalization.CultureInfo.InvariantCulture);
        outbox.ShouldNotBeNull();
        SqlDialect.ReadId(outbox).ShouldBe(waiting);
        (await new SqlArticleRepository(dialect).CountPendingAsync(Token)).ShouldBe(1);
        var claimed = await new SqlOutbox(dialect, TimeProvider.System).ClaimAsync(OutboxLanes.Records, 10, TimeSpan.FromMinutes(1), Token);
        claimed.ShouldHaveSingleItem().ArticleId.ShouldBe(waiting);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Migrate_FromBeforeLighterInserts_DropsRedundantIndexesAndTheirLookUpsReadTheWiderIndexes(string provider)
    {
        // Arrange: a database before the migration that drops them, with the two single-column indexes.
        var dialect = await CreateAsync(provider);
        await MigrateToBeforeAsync(dialect, "DROP INDEX IF EXISTS ix_articles_canonical_url");
        (await IndexExistsAsync(dialect, "ix_articles_canonical_url")).ShouldBeTrue();
        (await IndexExistsAsync(dialect, "ix_articles_stored_at")).ShouldBeTrue();

        // Act
        await new SqlArticleRepository(dialect).MigrateAsync(Token);

        // Assert: gone, and the look-up by canonical URL and the range of stored times still read an index.
        (await IndexExistsAsync(dialect, "ix_articles_canonical_url")).ShouldBeFalse();
        (await IndexExistsAsync(dialect, "ix_articles_stored_at")).ShouldBeFalse();
        (await IndexesReadAsync(dialect, SqlStoryDecision.FirstByCanonicalUrl, ("canonical", "https://example.org/a"), ("since", dialect.Time(DateTimeOffset.UtcNow.AddDays(-30)))))
            .ShouldContain("ix_articles_canonical_url_stored");
        (await IndexesReadAsync(dialect, "SELECT article_id FROM articles WHERE stored_at < @before", ("before", dialect.Time(DateTimeOffset.UtcNow))))
            .ShouldContain("ix_articles_stored_at_id");
        if (dialect.NativeTypes)
        {
            // Records compressed by LZ4 (this server has it).
            await using var connection = await dialect.OpenAsync(Token);
            var compression = await connection.ScalarAsync(null, "SELECT attcompression::text FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'record'", [], Token);
            compression.ShouldBe("l");
        }
    }

    [Fact]
    public async Task Migrate_ScriptRaisesNotice_LogsOneLineWithItsVersionAndText()
    {
        // Arrange: the shipped migrations, then one that only raises a notice (as migration 10 does on a server
        // without LZ4), on a database that has none of them yet.
        var dialect = await CreateAsync("postgres");
        var shipped = Schema.For(dialect);
        var withNotice = shipped with { Scripts = [.. shipped.Scripts, "DO $$ BEGIN RAISE NOTICE 'kept as it was'; END $$;"] };
        var logger = new FakeLogger();

        // Act
        await MigrationRunner.RunAsync(dialect, withNotice, logger, Token);

        // Assert
        var version = withNotice.Scripts.Count;
        var noted = logger.Collector.GetSnapshot().Where(record => record.Message.StartsWith($"Migration {version} ", StringComparison.Ordinal)).ToList();
        noted.ShouldHaveSingleItem().Message.ShouldBe($"Migration {version} of the store schema (postgres) noted: kept as it was");
        noted[0].Level.ShouldBe(LogLevel.Information);
        noted[0].StructuredState!.ShouldContain(new KeyValuePair<string, string?>("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Checksum_LineEndings_DoNotCountButTextDoes()
    {
        MigrationRunner.Checksum("CREATE TABLE a (id integer);\r\nCREATE INDEX ix ON a (id);")
            .ShouldBe(MigrationRunner.Checksum("CREATE TABLE a (id integer);\nCREATE INDEX ix ON a (id);"));
        MigrationRunner.Checksum("CREATE TABLE a (id integer);")
            .ShouldNotBe(MigrationRunner.Checksum("CREATE TABLE a (id bigint);"));
    }

    private async Task<SqlDialect> CreateAsync(string provider)
    {
        var dialect = provider == "postgres"
            ? SqlDialect.Postgres(await database.Server.CreateDatabaseAsync(cancellationToken: Token))
            : SqlDialect.Sqlite($"Data Source={Path.Combine(_directory, $"{Guid.NewGuid():N}.db")};Pooling=False");
        _dialects.Add(dialect);
        return dialect;
    }

    /// <summary>The state the store's runner before the journal left at <paramref name="version"/>: the scripts, and their numbers in <c>schema_migrations</c>.</summary>
    private static async Task MigrateAsPreviousRunnerAsync(SqlDialect dialect, int version)
    {
        await ExecuteAsync(dialect, "CREATE TABLE schema_migrations (version integer PRIMARY KEY)");
        var scripts = Schema.For(dialect).Scripts;
        for (var applied = 1; applied <= version; applied++)
        {
            await ExecuteAsync(dialect, scripts[applied - 1]);
            await ExecuteAsync(dialect, $"INSERT INTO schema_migrations (version) VALUES ({applied})");
        }
    }

    private static async Task InsertFlaggedArticleAsync(SqlDialect dialect, Guid id, bool isPublished)
    {
        var record = StoredRecordFactory.Create(Articles.Enriched($"Story {id}", "Its one paragraph."), DateTimeOffset.UtcNow) with { ArticleId = id };
        await using var connection = await dialect.OpenAsync(Token);
        await connection.ExecuteAsync(
            null,
            $"""
            INSERT INTO articles (article_id, correlation_id, content_hash, title, language, category, stored_at, record, story_id, published_to_topic)
            VALUES (@id, @id, @hash, 'Title', 'en', 'world', @stored, {dialect.Json("@record")}, @id, {(isPublished ? dialect.True : dialect.False)})
            """,
            [("id", dialect.Id(id)), ("hash", id.ToString("N")), ("stored", dialect.Time(DateTimeOffset.UtcNow)), ("record", JsonSerializer.Serialize(record, Json))],
            Token);
    }

    private static async Task ExecuteAsync(SqlDialect dialect, string sql)
    {
        await using var connection = await dialect.OpenAsync(Token);
        await connection.ExecuteAsync(null, sql, [], Token);
    }

    private static async Task<bool> TableExistsAsync(SqlDialect dialect, string table)
    {
        await using var connection = await dialect.OpenAsync(Token);
        return Convert.ToBoolean(await connection.ScalarAsync(null, dialect.TableExists, [("table", table)], Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> IndexExistsAsync(SqlDialect dialect, string index)
    {
        await using var connection = await dialect.OpenAsync(Token);
        var sql = dialect.NativeTypes
            ? "SELECT to_regclass(@index) IS NOT NULL"
            : "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = @index";
        return Convert.ToBoolean(await connection.ScalarAsync(null, sql, [("index", index)], Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The migrations before the first one whose text holds <paramref name="marker"/>, through the runner.</summary>
    private static async Task MigrateToBeforeAsync(SqlDialect dialect, string marker)
    {
        var shipped = Schema.For(dialect);
        var before = shipped.Scripts.TakeWhile(script => !script.Contains(marker, StringComparison.Ordinal)).ToList();
        before.Count.ShouldBeLessThan(shipped.Scripts.Count, $"no migration holds '{marker}'");
        await MigrationRunner.RunAsync(dialect, shipped with { Scripts = before }, new FakeLogger(), Token);
    }

    /// <summary>What the plan of <paramref name="sql"/> reads: on PostgreSQL the indexes of its
    /// <see cref="Hostile.ExplainedPlan"/>, with sequential scans priced out (an empty table would be scanned whatever its
    /// indexes); on SQLite the lines of <c>EXPLAIN QUERY PLAN</c>, which name the index a step uses.</summary>
    private static async Task<string> IndexesReadAsync(SqlDialect dialect, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await dialect.OpenAsync(Token);
        if (dialect.NativeTypes)
        {
            await connection.ExecuteAsync(null, "SET enable_seqscan = off", [], Token);
            await using var explained = connection.Command(null, sql, parameters);
            return string.Join(", ", (await Hostile.ExplainedPlan.OfAsync(explained)).Indexes);
        }

        await using var command = connection.Command(null, "EXPLAIN QUERY PLAN " + sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var lines = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            lines.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return string.Join('\n', lines);
    }

    private static async Task<List<string>> JournalAsync(SqlDialect dialect)
    {
        await using var connection = await dialect.OpenAsync(Token);
        await using var command = connection.Command(null, $"SELECT checksum FROM {MigrationRunner.JournalTable} ORDER BY version", []);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var checksums = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            checksums.Add(reader.GetString(0));
        }

        return checksums;
    }
}
