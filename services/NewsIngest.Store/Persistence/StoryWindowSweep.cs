using System.Data.Common;
using System.Globalization;
using System.Text;
using NewsIngest.Data;
using static NewsIngest.Data.SqlCommands;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// Keeps the dedup tables to the window: story versions seen before a cutoff are deleted with their band rows,
/// a bounded batch per call, in one transaction of two round trips (PostgreSQL). A decision only compares stories
/// seen within the window, so nothing it could match is deleted, and the band index stops growing with history.
/// The batch is taken among the oldest versions by sequence (the primary key; versions are written in time
/// order), so a call that finds nothing to delete costs one short index range; versions being swept by another
/// replica are skipped, not waited for. The band rows of a version are found by the keys in its fingerprint.
/// </summary>
internal static class StoryWindowSweep
{
    public static async Task<int> RunAsync(SqlDialect dialect, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (dialect.WriterGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            return await SweepAsync(dialect, before, limit, cancellationToken);
        }
        finally
        {
            dialect.WriterGate?.Release();
        }
    }

    private static async Task<int> SweepAsync(SqlDialect dialect, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        var seqs = new List<long>();
        var bands = new List<(uint Key, long Seq)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            Add(select, "before", dialect.Time(before));
            Add(select, "limit", limit);
            select.CommandText = $"""
                SELECT seq, fingerprint FROM story_versions
                WHERE seq IN (SELECT seq FROM story_versions ORDER BY seq LIMIT @limit) AND seen_at < @before
                {dialect.SkipLocked}
                """;
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var seq = reader.GetInt64(0);
                seqs.Add(seq);
                bands.AddRange(StoryBandBackfill.BandKeysOf((byte[])reader.GetValue(1)).Distinct().Select(key => (key, seq)));
            }
        }

        if (seqs.Count == 0)
        {
            return 0;
        }

        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            if (dialect.NativeTypes)
            {
                Add(delete, "keys", bands.Select(band => unchecked((int)band.Key)).ToArray());
                Add(delete, "seqs", bands.Select(band => band.Seq).ToArray());
                Add(delete, "versions", seqs.ToArray());
                delete.CommandText = """
                    DELETE FROM story_bands b USING unnest(@keys, @seqs) AS x(k, s) WHERE b.band_key = x.k AND b.seq = x.s;
                    DELETE FROM story_versions WHERE seq = ANY(@versions)
                    """;
            }
            else
            {
                Add(delete, "pairs", Json(bands.Select(band => string.Create(CultureInfo.InvariantCulture, $"[{unchecked((int)band.Key)},{band.Seq}]"))));
                Add(delete, "versions", Json(seqs.Select(seq => seq.ToString(CultureInfo.InvariantCulture))));
                delete.CommandText = """
                    DELETE FROM story_bands WHERE (band_key, seq) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@pairs));
                    DELETE FROM story_versions WHERE seq IN (SELECT value FROM json_each(@versions))
                    """;
            }

            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return seqs.Count;
    }

    private static string Json(IEnumerable<string> items) => new StringBuilder("[").AppendJoin(',', items).Append(']').ToString();
}
