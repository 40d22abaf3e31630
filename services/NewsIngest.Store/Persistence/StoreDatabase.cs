using NewsIngest.Data;
using Npgsql;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// The store's database as <see cref="SqlDialect"/>, with the store's PostgreSQL connection settings. A pooled
/// connection is not reset when it goes back to the pool (<c>No Reset On Close</c>): Npgsql would otherwise send
/// <c>SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD
/// SEQUENCES; DISCARD TEMP</c> ahead of the next command on it, seven statements per decision and per outbox call. The store keeps no session state: its locks are
/// transaction-scoped, it sets nothing and creates no temporary tables, and Npgsql still rolls back a transaction left
/// open.
/// </summary>
public static class StoreDatabase
{
    public static SqlDialect Postgres(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        return SqlDialect.Postgres(settings.ConnectionString);
    }

    public static SqlDialect For(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == StoreProvider.Postgres ? Postgres(options.ConnectionString!) : SqlDialect.Sqlite(options.ConnectionString!);
    }
}
