using Microsoft.Data.Sqlite;
using NewsIngest.Data;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Stories;
using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>
/// The production dedup path for tests: a <see cref="StoryDeduplicator"/> over the real repository on a
/// migrated SQLite file or a fresh PostgreSQL database, with <see cref="ResetAsync"/> to empty it between cases.
/// </summary>
internal sealed class DedupStore : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _sqlitePath;

    private DedupStore(SqlDialect dialect, string? sqlitePath, string? connectionString)
    {
        Dialect = dialect;
        _sqlitePath = sqlitePath;
        ConnectionString = connectionString;
        Repository = new SqlArticleRepository(dialect);
        Stories = new StoryDeduplicator(Repository);
    }

    public SqlDialect Dialect { get; }

    /// <summary>The PostgreSQL database's connection string (null for SQLite).</summary>
    public string? ConnectionString { get; }

    public SqlArticleRepository Repository { get; }

    public StoryDeduplicator Stories { get; }

    public static async Task<DedupStore> CreateAsync(string backend, DatabaseFixture? database = null)
    {
        DedupStore store;
        if (backend == Postgres)
        {
            var connectionString = await database!.Server.CreateDatabaseAsync();
            store = new DedupStore(SqlDialect.Postgres(connectionString), null, connectionString);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), $"newsingest-dedup-test-{Guid.NewGuid():N}.db");
            store = new DedupStore(SqlDialect.Sqlite($"Data Source={path};Pooling=False"), path, null);
        }

        await store.Repository.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Stores <paramref name="article"/> (no URL, so only its text counts) as if it arrived at <paramref name="at"/>.</summary>
    public Task<StoryDecision> StoreAsync(TextArticle article, DateTimeOffset? at = null) =>
        Stories.StoreAsync(article.Record(at ?? DateTimeOffset.UtcNow), CancellationToken.None);

    public async Task ResetAsync()
    {
        await using var connection = await Dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM story_bands; DELETE FROM story_versions; DELETE FROM sightings; DELETE FROM articles";
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Dialect.DataSource.DisposeAsync();
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqlitePath);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }
    }
}
