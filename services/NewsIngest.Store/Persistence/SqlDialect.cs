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

    public object Id(Guid id) => NativeTypes ? id : id.ToString("D");

    public object Time(DateTimeOffset? time) =>
        time is null ? DBNull.Value : NativeTypes ? time.Value.ToUniversalTime() : time.Value.ToUniversalTime().ToString("O");

    public static Guid ReadId(object value) => value is Guid id ? id : Guid.Parse((string)value);

    public static SqlDialect Postgres(string connectionString) =>
        new("postgres", NpgsqlDataSource.Create(connectionString), nativeTypes: true, Schema.PostgresMigrations);

    public static SqlDialect Sqlite(string connectionString) =>
        new("sqlite", SqliteFactory.Instance.CreateDataSource(connectionString), nativeTypes: false, Schema.SqliteMigrations);
}
