using System.Data.Common;
using NewsIngest.Data;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// One table of the outbox: the rows not yet published (oldest first, not leased by a live dispatcher) and how a row
/// becomes its message. Both tables are keyed by <c>article_id</c> and flagged by <c>published_to_topic</c>.
/// </summary>
/// <param name="Name">For logs: <c>records</c>, <c>sightings</c>.</param>
/// <param name="Table">The table whose rows are leased and marked.</param>
/// <param name="PendingQuery">SELECT of the pending rows: the key first, then the payload; <c>@now</c> is the lease cut-off; row locks by the dialect.</param>
/// <param name="ClaimStatement">PostgreSQL: one statement that leases the pending rows until <c>@until</c> (locking them, skipping rows
/// locked by others, as <paramref name="PendingQuery"/>) and returns them as <paramref name="PendingQuery"/> does, oldest first.</param>
/// <param name="Read">The message of a row the query returned.</param>
/// <param name="KeyOf">A message's row key (its article id, also its <c>message_id</c>).</param>
public sealed record OutboxLane<T>(
    string Name,
    string Table,
    Func<SqlDialect, int, string> PendingQuery,
    Func<int, string> ClaimStatement,
    Func<DbDataReader, T> Read,
    Func<T, Guid> KeyOf);
