using NewsIngest.Data;
using NewsIngest.Store.Persistence;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests;

/// <summary>
/// Migrated store databases of a test class on either backend, by name (<see cref="Names"/>): a fresh database on the
/// class's throwaway PostgreSQL server, or a SQLite file in a folder of its own; disposing removes the SQLite folders.
/// </summary>
internal sealed class BackendStores(DatabaseFixture database) : IAsyncDisposable
{
    private readonly List<string> _sqliteDirectories = [];

    public static TheoryData<string> Names => ["sqlite", "postgres"];

    public async Task<SqlDialect> CreateAsync(string backend)
    {
        SqlDialect dialect;
        if (backend == "postgres")
        {
            dialect = SqlDialect.Postgres(await database.Server.CreateDatabaseAsync());
        }
        else
        {
            var directory = TestDirectory.Create("store");
            _sqliteDirectories.Add(directory);
            dialect = SqlDialect.Sqlite($"Data Source={Path.Combine(directory, "store.db")};Pooling=False");
        }

        await new SqlArticleRepository(dialect).MigrateAsync(CancellationToken.None);
        return dialect;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in _sqliteDirectories)
        {
            await TestDirectory.DeleteAsync(directory);
        }
    }
}
