using System.Data.Common;
using NewsIngest.Data;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// One table of the outbox: the rows not yet published (oldest first, not leased by a live dispatcher), how a row
/// becomes its message and how it is marked published. Both tables are keyed by <c>article_id</c> and carry
/// <c>publish_lease_until</c>. The query of the pending rows and the statement that leases them are both built from
/// one definition of those rows.
/// </summary>
/// <param name="Name">For logs: <c>records</c>, <c>sightings</c>.</param>
/// <param name="Table">The table whose rows are leased and marked, aliased <paramref name="Alias"/> in the statements.</param>
/// <param name="Alias">The table's alias in <paramref name="RecordOf"/>, <paramref name="Pending"/>, <paramref name="OrderBy"/> and <paramref name="Columns"/>.</param>
/// <param name="RecordOf">The row's column naming the article whose stored record the message carries (as <c>a.record</c> in <paramref name="Columns"/>).</param>
/// <param name="Pending">The condition of a row to publish, besides not being leased (on the row alone).</param>
/// <param name="Unpublished">The condition of a row of <paramref name="Table"/> (unaliased) not yet published.</param>
/// <param name="MarkPublished">The statement that marks the row <c>@key</c> published and drops its lease.</param>
/// <param name="OrderBy">The column (of the table) that orders the rows, oldest first.</param>
/// <param name="Columns">What a row is read as: the key first, then the payload.</param>
/// <param name="Read">The message of a row the query returned.</param>
/// <param name="KeyOf">A message's row key (its article id, also its <c>message_id</c>).</param>
public sealed record OutboxLane<T>(
    string Name,
    string Table,
    string Alias,
    string RecordOf,
    Func<SqlDialect, string> Pending,
    Func<SqlDialect, string> Unpublished,
    Func<SqlDialect, string> MarkPublished,
    string OrderBy,
    string Columns,
    Func<DbDataReader, T> Read,
    Func<T, Guid> KeyOf)
{
    /// <summary>SELECT of up to <paramref name="limit"/> pending rows, oldest first; <c>@now</c> is the lease cut-off; rows
    /// locked by the dialect (PostgreSQL: skipping rows other replicas lock).</summary>
    public string PendingQuery(SqlDialect dialect, int limit)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return $"SELECT {Columns} FROM {Table} {Alias}{WithRecord(dialect)} WHERE {Filter(dialect)} ORDER BY {Alias}.{OrderBy} LIMIT {limit} {dialect.SkipLockedOf(Alias)}";
    }

    /// <summary>PostgreSQL: one statement that leases the rows of <see cref="PendingQuery"/> until <c>@until</c> and returns
    /// them as it does, oldest first.</summary>
    /// <remarks>Its plan is generic (the statement is prepared) and often made before the tables have statistics, so
    /// every step is a form that plans as an index probe whatever they say: the pending rows picked from the table
    /// alone, leased through <c>= ANY(ARRAY(…))</c> (a primary-key look-up, where <c>IN (…)</c> may become a hash join
    /// over a scan of the whole table), and each record fetched by a lateral primary-key look-up.</remarks>
    public string ClaimStatement(SqlDialect dialect, int limit)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return $"""
            WITH claimed AS (
                UPDATE {Table} SET publish_lease_until = @until
                WHERE article_id = ANY(ARRAY(SELECT {Alias}.article_id FROM {Table} {Alias} WHERE {Filter(dialect)} ORDER BY {Alias}.{OrderBy} LIMIT {limit} {dialect.SkipLockedOf(Alias)}))
                RETURNING *)
            SELECT {Columns} FROM claimed {Alias}{WithRecord(dialect)} ORDER BY {Alias}.{OrderBy}
            """;
    }

    private string WithRecord(SqlDialect dialect) => dialect.NativeTypes
        ? $" CROSS JOIN LATERAL (SELECT record FROM articles WHERE article_id = {RecordOf}) a"
        : $" JOIN articles a ON a.article_id = {RecordOf}";

    private string Filter(SqlDialect dialect) => $"{Pending(dialect)} AND ({Alias}.publish_lease_until IS NULL OR {Alias}.publish_lease_until < @now)";
}
