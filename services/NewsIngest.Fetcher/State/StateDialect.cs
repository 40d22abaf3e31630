using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsIngest.Fetcher.State;

/// <summary>
/// What differs between PostgreSQL and SQLite for the fetcher's state: where the tables live (the <c>fetcher</c>
/// schema, or a <c>fetcher_</c> prefix), row locking for leases, and the migrations. Times are Unix milliseconds in both.
/// </summary>
public sealed class StateDialect : IAsyncDisposable
{
    private DbConnection? _keepAlive;

    private StateDialect(string name, DbDataSource dataSource, string tablePrefix, string skipLocked, string migrationLock, IReadOnlyList<string> migrations, string? connectionSetup = null)
    {
        ConnectionSetup = connectionSetup;
        Name = name;
        DataSource = dataSource;
        TablePrefix = tablePrefix;
        SkipLocked = skipLocked;
        MigrationLock = migrationLock;
        Migrations = migrations;
    }

    public string Name { get; }

    public DbDataSource DataSource { get; }

    /// <summary><c>fetcher.</c> in PostgreSQL, <c>fetcher_</c> in SQLite.</summary>
    public string TablePrefix { get; }

    /// <summary>Appended to the claim query: replicas skip rows another replica is claiming.</summary>
    public string SkipLocked { get; }

    /// <summary>Run first in the migration transaction (lock, then the schema), so two replicas starting together migrate once.</summary>
    public string MigrationLock { get; }

    public IReadOnlyList<string> Migrations { get; }

    /// <summary>Run on every new connection: in SQLite, write-ahead logging without an fsync per commit.</summary>
    public string? ConnectionSetup { get; }

    /// <summary>SQLite allows one writer; the store runs its statements one at a time there.</summary>
    public bool SingleWriter => Name == "sqlite";

    public static StateDialect Postgres(string connectionString) =>
        new("postgres", NpgsqlDataSource.Create(connectionString), "fetcher.", "FOR UPDATE SKIP LOCKED", "SELECT pg_advisory_xact_lock(727274); CREATE SCHEMA IF NOT EXISTS fetcher", StateSchema.Postgres);

    public static StateDialect Sqlite(string connectionString) =>
        new("sqlite", SqliteFactory.Instance.CreateDataSource(connectionString), "fetcher_", string.Empty, "SELECT 1", StateSchema.Sqlite,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000");

    /// <summary>A private in-memory SQLite database that lives as long as this dialect (one connection keeps it open).</summary>
    public static StateDialect Memory()
    {
        var dialect = Sqlite($"Data Source=fetcher-state-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
        dialect._keepAlive = dialect.DataSource.OpenConnection();
        return dialect;
    }

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        await DataSource.DisposeAsync();
    }
}
