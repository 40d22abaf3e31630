using System.Globalization;
using Npgsql;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// What the benchmark database's backends do during a run, from <c>pg_stat_activity</c> sampled every
/// <see cref="Interval"/> (on a connection to another database, so the samples are not the run's statements): the mean
/// number of backends per sample in each state — running (on CPU), waiting on each wait event (a lock wait is
/// <c>Lock:…</c>, e.g. <c>Lock:advisory</c> for another decision's keys), idle inside a transaction (the replica's turn),
/// idle — the most lock requests not granted at once (<c>pg_locks</c>), and which relations the requests to extend one
/// waited for (<c>Lock:extend</c>: a backend adding a page to a table or index while another does), resolved to their names
/// in the benchmark database (<paramref name="names"/> of <see cref="SampleAsync"/>).
/// </summary>
internal static class WaitSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const string Sample = """
        SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'running') ELSE state END, count(*)::int,
               (SELECT count(*)::int FROM pg_locks WHERE NOT granted)
        FROM pg_stat_activity WHERE datname = 'dedup_benchmark' AND backend_type = 'client backend' GROUP BY 1
        """;

    private const string ExtensionWaits = """
        SELECT relation::bigint, count(*)::int FROM pg_locks
        WHERE locktype = 'extend' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = 'dedup_benchmark') GROUP BY 1
        """;

    private const string RelationNames = "SELECT oid::bigint, relname FROM pg_class WHERE oid::bigint = ANY(@oids)";

    /// <summary>Samples until <paramref name="stop"/>; returns the summary.</summary>
    public static async Task<string> SampleAsync(string connectionString, NpgsqlDataSource names, CancellationToken stop)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var extending = new Dictionary<long, long>();
        var samples = 0;
        var mostNotGranted = 0;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(Sample, connection);
        await command.PrepareAsync(CancellationToken.None);
        await using var extension = new NpgsqlCommand(ExtensionWaits, connection);
        await extension.PrepareAsync(CancellationToken.None);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
                {
                    while (await reader.ReadAsync(CancellationToken.None))
                    {
                        var state = reader.GetString(0);
                        counts[state] = counts.GetValueOrDefault(state) + reader.GetInt32(1);
                        mostNotGranted = Math.Max(mostNotGranted, reader.GetInt32(2));
                    }
                }

                await CountAsync(extension, extending);
                samples++;
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }

        var states = counts.OrderByDescending(state => state.Value)
            .Select(state => string.Create(CultureInfo.InvariantCulture, $"{state.Key} {(double)state.Value / Math.Max(samples, 1):F2}"));
        var extended = await NamedAsync(names, extending, samples);
        return $"per sample ({samples} samples): {string.Join(", ", states)}; lock requests not granted at most {mostNotGranted}"
            + (extended.Length == 0 ? string.Empty : $"; waiting to extend, per sample: {extended}");
    }

    private static async Task CountAsync(NpgsqlCommand extension, Dictionary<long, long> extending)
    {
        await using var reader = await extension.ExecuteReaderAsync(CancellationToken.None);
        while (await reader.ReadAsync(CancellationToken.None))
        {
            var relation = reader.GetInt64(0);
            extending[relation] = extending.GetValueOrDefault(relation) + reader.GetInt32(1);
        }
    }

    private static async Task<string> NamedAsync(NpgsqlDataSource names, Dictionary<long, long> extending, int samples)
    {
        if (extending.Count == 0)
        {
            return string.Empty;
        }

        var named = new Dictionary<long, string>();
        await using (var command = names.CreateCommand(RelationNames))
        {
            command.Parameters.AddWithValue("oids", extending.Keys.ToArray());
            await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None))
            {
                named[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        return string.Join(", ", extending.OrderByDescending(relation => relation.Value).Select(relation =>
            string.Create(CultureInfo.InvariantCulture, $"{named.GetValueOrDefault(relation.Key, relation.Key.ToString(CultureInfo.InvariantCulture))} {(double)relation.Value / Math.Max(samples, 1):F2}")));
    }
}
