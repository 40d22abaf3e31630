using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsIngest.Data;

/// <summary>
/// What differs between PostgreSQL and SQLite for the fetcher's state and the store: where a service's tables
/// live, types (uuid, timestamptz, jsonb, arrays, or text), row locks, and how writers take turns.
/// </summary>
public sealed class SqlDialect : IAsyncDisposable
{
    private readonly string? _connectionSetup;
    private DbConnection? _keepAlive;

    private SqlDialect(string name, DbDataSource dataSource, bool nativeTypes, string? connectionSetup = null)
    {
        Name = name;
        DataSource = dataSource;
        NativeTypes = nativeTypes;
        _connectionSetup = connectionSetup;
        WriterGate = nativeTypes ? null : new SemaphoreSlim(1, 1);
    }

    /// <summary><c>postgres</c> or <c>sqlite</c>.</summary>
    public string Name { get; }

    public DbDataSource DataSource { get; }

    /// <summary>PostgreSQL has uuid, timestamptz, jsonb and arrays; SQLite keeps them as text.</summary>
    public bool NativeTypes { get; }

    public string True => NativeTypes ? "true" : "1";

    public string False => NativeTypes ? "false" : "0";

    /// <summary>Row locks that let replicas share a queue of rows; SQLite serialises writers anyway.</summary>
    public string SkipLocked => NativeTypes ? "FOR UPDATE SKIP LOCKED" : string.Empty;

    /// <summary>As <see cref="SkipLocked"/>, locking only the rows of the table aliased <paramref name="alias"/> in a join.</summary>
    public string SkipLockedOf(string alias) => NativeTypes ? $"FOR UPDATE OF {alias} SKIP LOCKED" : string.Empty;

    /// <summary>
    /// SQLite (the embedded mode, one process): writers that would otherwise fail as busy take turns on this
    /// gate, since SQLite has one writer at a time anyway. PostgreSQL: none; rows and keys are locked instead.
    /// </summary>
    public SemaphoreSlim? WriterGate { get; }

    /// <summary>A table of a service's own schema: <c>schema.name</c> in PostgreSQL, <c>schema_name</c> in SQLite; <paramref name="name"/> alone without one.</summary>
    public string Table(string? schema, string name) =>
        schema is null ? name : NativeTypes ? $"{schema}.{name}" : $"{schema}_{name}";

    /// <summary>A query with one parameter, <c>@table</c>, that is true when that table exists.</summary>
    public string TableExists => NativeTypes
        ? "SELECT to_regclass(@table) IS NOT NULL"
        : "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = @table";

    public string Json(string parameter) => NativeTypes ? $"CAST({parameter} AS jsonb)" : parameter;

    /// <summary>A list of 32-bit keys as one parameter value: an <c>integer[]</c>, or a JSON array for SQLite.</summary>
    public object Keys(IEnumerable<uint> keys)
    {
        var signed = keys.Select(key => unchecked((int)key)).ToArray();
        return NativeTypes ? signed : "[" + string.Join(',', signed.Select(key => key.ToString(CultureInfo.InvariantCulture))) + "]";
    }

    /// <summary>A list of strings as one parameter value: a <c>text[]</c>, or a JSON array for SQLite.</summary>
    public object Texts(IEnumerable<string> texts) =>
        NativeTypes ? texts.ToArray() : System.Text.Json.JsonSerializer.Serialize(texts);

    /// <summary>A list of ids as one parameter value: a <c>uuid[]</c>, or a JSON array of their text form for SQLite.</summary>
    public object Ids(IEnumerable<Guid> ids) =>
        NativeTypes ? ids.ToArray() : System.Text.Json.JsonSerializer.Serialize(ids.Select(id => id.ToString("D")));

    /// <summary>A condition: <paramref name="column"/> is one of the values in <paramref name="parameter"/> (a <see cref="Keys"/>, <see cref="Texts"/> or <see cref="Ids"/> value).</summary>
    public string AnyOf(string column, string parameter) =>
        NativeTypes ? $"{column} = ANY({parameter})" : $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>A FROM item with one row per key in <paramref name="parameter"/>, the key in column <c>k</c>.</summary>
    public string RowsOf(string parameter) =>
        NativeTypes ? $"unnest({parameter}) AS keys(k)" : $"(SELECT value AS k FROM json_each({parameter})) AS keys";

    public object Id(Guid id) => NativeTypes ? id : id.ToString("D");

    public object Time(DateTimeOffset? time) =>
        time is null ? DBNull.Value : NativeTypes ? time.Value.ToUniversalTime() : time.Value.ToUniversalTime().ToString("O");

    public static Guid ReadId(object value) => value is Guid id ? id : Guid.Parse((string)value);

    /// <summary>An open connection, with the per-connection settings of this dialect applied (SQLite's journal mode).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        if (_connectionSetup is not null)
        {
            await connection.ExecuteAsync(null, _connectionSetup, [], cancellationToken);
        }

        return connection;
    }

    /// <summary>
    /// A transaction that writes. SQLite: <c>BEGIN IMMEDIATE</c>, which takes the database's write lock at once,
    /// so nothing it reads can change before it writes. PostgreSQL: an ordinary transaction.
    /// </summary>
    public async ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        !NativeTypes && connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : await connection.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// Hands each notice the server sends on <paramref name="connection"/> (PostgreSQL's <c>RAISE NOTICE</c>, and the
    /// "skipping" notes of <c>IF [NOT] EXISTS</c>) to <paramref name="notice"/> until the result is disposed. SQLite
    /// sends none.
    /// </summary>
    public static IDisposable ObserveNotices(DbConnection connection, Action<string> notice)
    {
        if (connection is not NpgsqlConnection npgsql)
        {
            return NoNotices.Instance;
        }

        NoticeEventHandler handler = (_, args) => notice(args.Notice.MessageText);
        npgsql.Notice += handler;
        return new NoticeSubscription(npgsql, handler);
    }

    public static SqlDialect Postgres(string connectionString) =>
        new("postgres", NpgsqlDataSource.Create(connectionString), nativeTypes: true);

    /// <summary>
    /// SQLite; with <paramref name="writeAheadLog"/>, every connection uses write-ahead logging without an fsync
    /// per commit and waits up to 30 s for the write lock.
    /// </summary>
    public static SqlDialect Sqlite(string connectionString, bool writeAheadLog = false) =>
        new("sqlite", SqliteFactory.Instance.CreateDataSource(connectionString), nativeTypes: false,
            writeAheadLog ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000" : null);

    /// <summary>A private in-memory SQLite database that lives as long as this dialect (one connection keeps it open).</summary>
    public static SqlDialect Memory()
    {
        var dialect = Sqlite($"Data Source=memory-{Guid.NewGuid():N};Mode=Memory;Cache=Shared", writeAheadLog: true);
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
        WriterGate?.Dispose();
    }

    private sealed class NoNotices : IDisposable
    {
        public static readonly NoNotices Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class NoticeSubscription(NpgsqlConnection connection, NoticeEventHandler handler) : IDisposable
    {
        public void Dispose() => connection.Notice -= handler;
    }
}
