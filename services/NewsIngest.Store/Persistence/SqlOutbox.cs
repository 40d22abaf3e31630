using System.Data.Common;
using NewsIngest.Data;
using static NewsIngest.Data.SqlCommands;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// The outbox in short transactions, never holding a row lock over broker I/O: <see cref="ClaimAsync{T}"/> leases a
/// batch of pending rows (locked only while the lease is written, rows other replicas lock are skipped) and commits
/// (PostgreSQL: one statement, <see cref="OutboxLane{T}.ClaimStatement"/>);
/// the dispatcher then publishes them one by one and marks each the moment the broker confirms it. A crash can repeat
/// only the message in flight; rows it had leased but not published wait for the lease to run out, then go out once.
/// </summary>
public sealed class SqlOutbox(SqlDialect dialect, TimeProvider clock)
{
    /// <summary>Leases up to <paramref name="batchSize"/> pending rows of <paramref name="lane"/> for <paramref name="lease"/>, oldest first.</summary>
    public async Task<IReadOnlyList<T>> ClaimAsync<T>(OutboxLane<T> lane, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        if (dialect.NativeTypes)
        {
            return await ClaimInOneStatementAsync(connection, lane, batchSize, now, lease, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = new List<T>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = lane.PendingQuery(dialect, batchSize);
            Add(select, "now", dialect.Time(now));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(lane.Read(reader));
            }
        }

        if (claimed.Count > 0)
        {
            await using var leaseRows = connection.CreateCommand();
            leaseRows.Transaction = transaction;
            leaseRows.CommandText = $"UPDATE {lane.Table} SET publish_lease_until = @until WHERE {dialect.AnyOf("article_id", "@keys")}";
            Add(leaseRows, "until", dialect.Time(now + lease));
            Add(leaseRows, "keys", dialect.Ids(claimed.Select(lane.KeyOf)));
            await leaseRows.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>PostgreSQL: the lease written by the statement that selects the rows, in its own implicit transaction
    /// (one statement instead of BEGIN, SELECT … FOR UPDATE, UPDATE and COMMIT); prepared once per pooled connection.</summary>
    private async Task<IReadOnlyList<T>> ClaimInOneStatementAsync<T>(
        DbConnection connection, OutboxLane<T> lane, int batchSize, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimed = new List<T>();
        await using var claim = connection.CreateCommand();
        claim.CommandText = lane.ClaimStatement(dialect, batchSize);
        Add(claim, "now", dialect.Time(now));
        Add(claim, "until", dialect.Time(now + lease));
        await claim.PrepareAsync(cancellationToken);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(lane.Read(reader));
        }

        return claimed;
    }

    /// <summary>Marks one row published (the broker has confirmed its message); idempotent.</summary>
    public async Task MarkPublishedAsync<T>(OutboxLane<T> lane, Guid key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var mark = connection.CreateCommand();
        mark.CommandText = lane.MarkPublished(dialect);
        Add(mark, "key", dialect.Id(key));
        if (dialect.NativeTypes)
        {
            await mark.PrepareAsync(cancellationToken);
        }

        await mark.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives leased rows back unpublished, so the next round (on any replica) takes them at once.</summary>
    public async Task ReleaseAsync<T>(OutboxLane<T> lane, IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var release = connection.CreateCommand();
        release.CommandText = $"UPDATE {lane.Table} SET publish_lease_until = NULL WHERE {lane.Unpublished(dialect)} AND {dialect.AnyOf("article_id", "@keys")}";
        Add(release, "keys", dialect.Ids(keys));
        await release.ExecuteNonQueryAsync(cancellationToken);
    }
}
