using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsIngest.Store.Persistence;

/// <summary>What differs between PostgreSQL and SQLite: types, the JSON cast, id and time encodings, migrations.</summary>
public sealed class SqlDialect
{
    private SqlDialect(string name, DbDataSource dataSource, bool nativeTypes, IReadOnlyList<string> migrations)
    {
        Name = name;
        DataSource = dataSource;
        NativeTypes = nativeTypes;
        Migrations = migrations;
        DecisionGate = nativeTypes ? null : new SemaphoreSlim(1, 1);
    }

    public string Name { get; }

    public DbDataSource DataSource { get; }

    /// <summary>PostgreSQL has uuid, timestamptz and jsonb; SQLite keeps them as text.</summary>
    public bool NativeTypes { get; }

    public IReadOnlyList<string> Migrations { get; }

    public string True => NativeTypes ? "true" : "1";

    public string False => NativeTypes ? "false" : "0";

    /// <summary>Row locks that let replicas share the outbox; SQLite serialises writers anyway.</summary>
    public string SkipLocked => NativeTypes ? "FOR UPDATE SKIP LOCKED" : string.Empty;

    /// <summary>As <see cref="SkipLocked"/>, locking only the rows of the table aliased <paramref name="alias"/> in a join.</summary>
    public string SkipLockedOf(string alias) => NativeTypes ? $"FOR UPDATE OF {alias} SKIP LOCKED" : string.Empty;

    public string Json(string parameter) => NativeTypes ? $"CAST({parameter} AS jsonb)" : parameter;

    /// <summary>A list of 32-bit keys as one parameter value: an <c>integer[]</c>, or a JSON array for SQLite.</summary>
    public object Keys(IEnumerable<uint> keys)
    {
        var signed = keys.Select(key => unchecked((int)key)).ToArray();
        return NativeTypes ? signed : "[" + string.Join(',', signed.Select(key => key.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
    }

    /// <summary>A condition: <paramref name="column"/> is one of the keys in <paramref name="parameter"/> (a <see cref="Keys"/> value).</summary>
    public string AnyOf(string column, string parameter) =>
        NativeTypes ? $"{column} = ANY({parameter})" : $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>A FROM item with one row per key in <paramref name="parameter"/>, the key in column <c>k</c>.</summary>
    public string RowsOf(string parameter) =>
        NativeTypes ? $"unnest({parameter}) AS keys(k)" : $"(SELECT value AS k FROM json_each({parameter})) AS keys";

    public object Id(Guid id) => NativeTypes ? id : id.ToString("D");

    public object Time(DateTimeOffset? time) =>
        time is null ? DBNull.Value : NativeTypes ? time.Value.ToUniversalTime() : time.Value.ToUniversalTime().ToString("O");

    /// <summary>
    /// SQLite (the embedded mode, one process): story decisions take turns on this gate, since SQLite has one
    /// writer at a time anyway and a second <c>BEGIN IMMEDIATE</c> would fail as busy. PostgreSQL: none; a
    /// decision locks its own keys.
    /// </summary>
    public SemaphoreSlim? DecisionGate { get; }

    /// <summary>
    /// A transaction for a story decision. SQLite: <c>BEGIN IMMEDIATE</c>, which takes the database's write lock
    /// at once, so nothing it reads can change before it writes. PostgreSQL: an ordinary transaction.
    /// </summary>
    public async ValueTask<DbTransaction> BeginDecisionTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : await connection.BeginTransactionAsync(cancellationToken);

    public static Guid ReadId(object value) => value is Guid id ? id : Guid.Parse((string)value);

    public static SqlDialect Postgres(string connectionString) =>
        new("postgres", NpgsqlDataSource.Create(connectionString), nativeTypes: true, Schema.PostgresMigrations);

    public static SqlDialect Sqlite(string connectionString) =>
        new("sqlite", SqliteFactory.Instance.CreateDataSource(connectionString), nativeTypes: false, Schema.SqliteMigrations);
}
