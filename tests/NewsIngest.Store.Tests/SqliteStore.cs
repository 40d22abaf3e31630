using Microsoft.Data.Sqlite;
using NewsIngest.Data;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Tests;

/// <summary>A migrated SQLite store in a temporary file, removed on dispose.</summary>
internal sealed class SqliteStore : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"newsingest-test-{Guid.NewGuid():N}.db");

    private SqliteStore()
    {
        Dialect = SqlDialect.Sqlite($"Data Source={_path};Pooling=False");
        Repository = new SqlArticleRepository(Dialect);
        Outbox = new SqlOutbox(Dialect, TimeProvider.System);
    }

    public SqlDialect Dialect { get; }

    public SqlArticleRepository Repository { get; }

    public SqlOutbox Outbox { get; }

    public static async Task<SqliteStore> CreateAsync()
    {
        var store = new SqliteStore();
        await store.Repository.MigrateAsync(CancellationToken.None);
        return store;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
