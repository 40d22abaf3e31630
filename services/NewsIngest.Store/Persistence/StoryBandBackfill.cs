using NewsIngest.Data;
using NewsIngest.Store.Dedup;
using static NewsIngest.Data.SqlCommands;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// Part of the migration to dedup in the database: story versions written before band keys had a table of
/// their own get their band rows, computed from the stored fingerprint, a batch per transaction. Versions
/// written since carry theirs already (<c>banded</c>), so on an up-to-date store this is one empty query.
/// </summary>
internal static class StoryBandBackfill
{
    private const int BatchSize = 500;

    public static async Task RunAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        // Bounded: every pass marks its whole batch, so at most (versions / batch) passes.
        while (await BackfillBatchAsync(dialect, cancellationToken) == BatchSize)
        {
        }
    }

    private static async Task<int> BackfillBatchAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = new List<(long Seq, byte[] Fingerprint, object SeenAt)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT seq, fingerprint, seen_at FROM story_versions WHERE banded = {dialect.False} ORDER BY seq LIMIT {BatchSize} {dialect.SkipLocked}";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetValue(2)));
            }
        }

        foreach (var (seq, fingerprint, seenAt) in pending)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            Add(command, "seq", seq);
            Add(command, "seen", seenAt is DBNull ? dialect.Time(DateTimeOffset.UnixEpoch) : seenAt);
            Add(command, "bands", dialect.Keys(BandKeysOf(fingerprint)));
            command.CommandText = $"""
                {(dialect.NativeTypes ? "INSERT" : "INSERT OR IGNORE")} INTO story_bands (band_key, seq, seen_at)
                SELECT DISTINCT keys.k, @seq, @seen FROM {dialect.RowsOf("@bands")} {(dialect.NativeTypes ? "ON CONFLICT DO NOTHING" : string.Empty)};
                UPDATE story_versions SET banded = {dialect.True}, seen_at = @seen WHERE seq = @seq
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>The band keys of a stored fingerprint; none when this build cannot read it.</summary>
    internal static IReadOnlyList<uint> BandKeysOf(byte[] fingerprint)
    {
        try
        {
            return StoryFingerprint.FromBytes(fingerprint).BandKeys;
        }
        catch (FormatException)
        {
            // Not a fingerprint this version can read: the version stays, unfindable, as before.
            return [];
        }
    }
}
