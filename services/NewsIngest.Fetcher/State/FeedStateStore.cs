using System.Data.Common;
using NewsIngest.Data;
using NewsIngest.Data.Migrations;

namespace NewsIngest.Fetcher.State;

/// <summary>
/// Per-feed state in the database: the feed list, validators and schedule, leases that keep two replicas off
/// one feed, and the keys of items already published.
/// </summary>
public sealed class FeedStateStore(SqlDialect dialect, ILogger<FeedStateStore>? logger = null) : IAsyncDisposable
{
    private const string Columns = "feed_id, feed_url, interval_ms, etag, last_modified, last_poll, next_poll, consecutive_errors, paused";
    private readonly string _feeds = dialect.Table(StateSchema.Name, "feeds");
    private readonly string _seen = dialect.Table(StateSchema.Name, "seen_items");
    private readonly string _replicas = dialect.Table(StateSchema.Name, "replicas");

    public string Provider => dialect.Name;

    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken) =>
        MigrationRunner.RunAsync(dialect, StateSchema.For(dialect), (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, cancellationToken);

    /// <summary>Adds a feed (due at once), or updates the interval of one already known; its state is kept.</summary>
    public Task<FeedState> AddAsync(string feedUrl, TimeSpan? interval, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            var id = FeedIds.For(feedUrl);
            await connection.ExecuteAsync(null, $"""
                INSERT INTO {_feeds} (feed_id, feed_url, interval_ms, next_poll, consecutive_errors, paused)
                VALUES (@id, @url, @interval, @now, 0, @paused)
                ON CONFLICT (feed_id) DO UPDATE SET interval_ms = excluded.interval_ms
                """,
                [("id", id), ("url", feedUrl), ("interval", Millis(interval)), ("now", Millis(now)), ("paused", false)],
                cancellationToken);
            return (await QueryAsync(connection, null, $"SELECT {Columns} FROM {_feeds} WHERE feed_id = @id", [("id", id)], cancellationToken))[0];
        }, cancellationToken);

    public Task<IReadOnlyList<FeedState>> ListAsync(CancellationToken cancellationToken) =>
        RunAsync(connection => QueryAsync(connection, null, $"SELECT {Columns} FROM {_feeds} ORDER BY feed_url", [], cancellationToken), cancellationToken);

    public Task<FeedState?> FindAsync(string feedId, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
            (await QueryAsync(connection, null, $"SELECT {Columns} FROM {_feeds} WHERE feed_id = @id", [("id", feedId)], cancellationToken)).SingleOrDefault(),
            cancellationToken);

    /// <summary>Pauses or resumes a feed; a resumed feed is due at once with a clean error count.</summary>
    public Task<bool> SetPausedAsync(string feedId, bool paused, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(async connection => await connection.ExecuteAsync(
            null,
            paused
                ? $"UPDATE {_feeds} SET paused = @paused WHERE feed_id = @id"
                : $"UPDATE {_feeds} SET paused = @paused, consecutive_errors = 0, next_poll = @now WHERE feed_id = @id",
            [("id", feedId), ("paused", paused), ("now", Millis(now))],
            cancellationToken) > 0, cancellationToken);

    public Task<bool> RemoveAsync(string feedId, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(transaction, $"DELETE FROM {_seen} WHERE feed_id = @id", [("id", feedId)], cancellationToken);
            var removed = await connection.ExecuteAsync(transaction, $"DELETE FROM {_feeds} WHERE feed_id = @id", [("id", feedId)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return removed > 0;
        }, cancellationToken);

    /// <summary>
    /// Takes a lease on up to <paramref name="limit"/> feeds that are due, not paused and not leased by a live
    /// replica. Rows another replica is claiming at this moment are skipped, never waited for. With more than one live
    /// replica (<paramref name="liveReplicas"/>, from <see cref="HeartbeatAsync"/>) the feeds are shared: a replica owns
    /// the feeds it claimed last, and claims its own due feeds first and others only while it owns fewer than its
    /// share (the active feeds divided by the live replicas, rounded up); one that owns more than its share leaves the
    /// excess for the others. The feeds of a replica that died are taken over once its heartbeat has run out (at
    /// once when it stopped cleanly: <see cref="LeaveAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<FeedState>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int limit, int liveReplicas, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (liveReplicas > 1)
            {
                limit = Math.Min(limit, await ShareAsync(connection, transaction, owner, now, liveReplicas, cancellationToken));
            }

            var claimed = limit <= 0 ? [] : await QueryAsync(connection, transaction, $"""
                UPDATE {_feeds} SET lease_owner = @owner, lease_until = @until, last_owner = @owner
                WHERE feed_id IN (
                    SELECT feed_id FROM {_feeds}
                    WHERE paused = @paused AND next_poll <= @now AND (lease_until IS NULL OR lease_until < @now)
                    ORDER BY CASE WHEN last_owner = @owner THEN 0 ELSE 1 END, next_poll
                    LIMIT @limit
                    {dialect.SkipLocked})
                RETURNING {Columns}
                """,
                [("owner", owner), ("until", Millis(now + lease)), ("paused", false), ("now", Millis(now)), ("limit", limit)],
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return claimed;
        }, cancellationToken);

    /// <summary>As <see cref="ClaimDueAsync(string, DateTimeOffset, TimeSpan, int, int, CancellationToken)"/> for a replica that knows of no other.</summary>
    public Task<IReadOnlyList<FeedState>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        ClaimDueAsync(owner, now, lease, limit, liveReplicas: 1, cancellationToken);

    /// <summary>
    /// Notes that <paramref name="owner"/> is alive until <paramref name="now"/> + <paramref name="aliveFor"/> and forgets
    /// replicas whose note ran out; the number of live replicas, this one included.
    /// </summary>
    public Task<int> HeartbeatAsync(string owner, DateTimeOffset now, TimeSpan aliveFor, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await connection.ExecuteAsync(null, $"""
                INSERT INTO {_replicas} (owner, alive_until) VALUES (@owner, @until)
                ON CONFLICT (owner) DO UPDATE SET alive_until = excluded.alive_until
                """,
                [("owner", owner), ("until", Millis(now + aliveFor))],
                cancellationToken);
            await connection.ExecuteAsync(null, $"DELETE FROM {_replicas} WHERE alive_until < @now", [("now", Millis(now))], cancellationToken);
            return Convert.ToInt32(
                await connection.ScalarAsync(null, $"SELECT COUNT(*) FROM {_replicas}", [], cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>A replica that stops says so: the others stop leaving it a share at once.</summary>
    public Task<int> LeaveAsync(string owner, CancellationToken cancellationToken) =>
        RunAsync(connection => connection.ExecuteAsync(null, $"DELETE FROM {_replicas} WHERE owner = @owner", [("owner", owner)], cancellationToken), cancellationToken);

    /// <summary>How many due feeds <paramref name="owner"/> may claim now: its share, less the feeds it owns that are not due.</summary>
    private async Task<int> ShareAsync(DbConnection connection, DbTransaction transaction, string owner, DateTimeOffset now, int liveReplicas, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"""
            SELECT
                (SELECT COUNT(*) FROM {_feeds} WHERE paused = @paused),
                (SELECT COUNT(*) FROM {_feeds} WHERE paused = @paused AND last_owner = @owner
                    AND NOT (next_poll <= @now AND (lease_until IS NULL OR lease_until < @now)))
            """,
            [("paused", false), ("now", Millis(now)), ("owner", owner)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var active = reader.GetInt64(0);
        var ownedNotDue = reader.GetInt64(1);
        return (int)Math.Max(0, ((active + liveReplicas - 1) / liveReplicas) - ownedNotDue);
    }

    /// <summary>Saves the outcome of a poll and gives the lease back; false when the lease was lost meanwhile.</summary>
    public Task<bool> CompleteAsync(FeedState state, string owner, CancellationToken cancellationToken) =>
        RunAsync(async connection => await connection.ExecuteAsync(null, $"""
            UPDATE {_feeds} SET etag = @etag, last_modified = @modified, last_poll = @last, next_poll = @next,
                consecutive_errors = @errors, paused = @paused, lease_owner = NULL, lease_until = NULL
            WHERE feed_id = @id AND lease_owner = @owner
            """,
            [("etag", state.ETag), ("modified", state.LastModified), ("last", Millis(state.LastPoll)), ("next", Millis(state.NextPoll)),
             ("errors", state.ConsecutiveErrors), ("paused", state.Paused), ("id", state.FeedId), ("owner", owner)],
            cancellationToken) > 0, cancellationToken);

    /// <summary>Extends every lease <paramref name="owner"/> holds (the feeds it is polling); the number renewed.</summary>
    public Task<int> RenewAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        RunAsync(connection => connection.ExecuteAsync(
            null,
            $"UPDATE {_feeds} SET lease_until = @until WHERE lease_owner = @owner",
            [("owner", owner), ("until", Millis(now + lease))],
            cancellationToken), cancellationToken);

    /// <summary>Gives back every lease <paramref name="owner"/> holds (a restarted replica's leases from before it died); the number released.</summary>
    public Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken) =>
        RunAsync(connection => connection.ExecuteAsync(
            null,
            $"UPDATE {_feeds} SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner",
            [("owner", owner)],
            cancellationToken), cancellationToken);

    /// <summary>The keys among <paramref name="keys"/> already recorded for the feed.</summary>
    public Task<HashSet<string>> SeenAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            // One statement of constant text whatever the number of keys (one array parameter), so the server plans it
            // once per connection instead of parsing and planning an IN list of every item of the feed on every poll.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (keys.Count == 0)
            {
                return seen;
            }

            await using var command = connection.Command(null, $"SELECT item_key FROM {_seen} WHERE feed_id = @id AND {dialect.AnyOf("item_key", "@keys")}", [("id", feedId), ("keys", dialect.Texts(keys.Distinct()))]);
            await command.PrepareAsync(cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                seen.Add(reader.GetString(0));
            }

            return seen;
        }, cancellationToken);

    /// <summary>
    /// Records that items were published (one transaction), so no later poll, in any replica or after any restart,
    /// publishes them again. The poller calls it once per item, after the broker confirmed that item.
    /// </summary>
    public Task MarkSeenAsync(string feedId, IReadOnlyCollection<string> keys, DateTimeOffset now, CancellationToken cancellationToken) =>
        keys.Count switch
        {
            0 => Task.CompletedTask,
            1 => RunAsync(connection => MarkOneSeenAsync(connection, null, feedId, keys.First(), now, cancellationToken), cancellationToken), // one statement: its own transaction
            _ => MarkManySeenAsync(feedId, keys, now, cancellationToken),
        };

    private Task<int> MarkManySeenAsync(string feedId, IReadOnlyCollection<string> keys, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var key in keys)
            {
                await MarkOneSeenAsync(connection, transaction, feedId, key, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private Task<int> MarkOneSeenAsync(DbConnection connection, DbTransaction? transaction, string feedId, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(transaction,
            $"INSERT INTO {_seen} (feed_id, item_key, first_seen) VALUES (@id, @key, @now) ON CONFLICT DO NOTHING",
            [("id", feedId), ("key", key), ("now", Millis(now))], cancellationToken);

    private async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (dialect.WriterGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            await using var connection = await dialect.OpenAsync(cancellationToken);
            return await work(connection);
        }
        finally
        {
            dialect.WriterGate?.Release();
        }
    }

    private static async Task<IReadOnlyList<FeedState>> QueryAsync(
        DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<FeedState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FeedState
            {
                FeedId = reader.GetString(0),
                FeedUrl = reader.GetString(1),
                Interval = reader.IsDBNull(2) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(2)),
                ETag = reader.IsDBNull(3) ? null : reader.GetString(3),
                LastModified = reader.IsDBNull(4) ? null : reader.GetString(4),
                LastPoll = reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                NextPoll = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                ConsecutiveErrors = reader.GetInt32(7),
                Paused = reader.GetBoolean(8),
            });
        }

        return rows;
    }

    private static long? Millis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static long? Millis(TimeSpan? span) => span is { } value ? (long)value.TotalMilliseconds : null;
}
