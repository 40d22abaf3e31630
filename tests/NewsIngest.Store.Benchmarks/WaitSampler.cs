using System.Globalization;
using Npgsql;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// What the benchmark database's backends do during a run, from <c>pg_stat_activity</c> sampled every
/// <see cref="Interval"/> (on a connection to another database, so the samples are not the run's statements): the mean
/// number of backends per sample in each state — running (on CPU), waiting on each wait event (a lock wait is
/// <c>Lock:…</c>, e.g. <c>Lock:advisory</c> for another decision's keys), idle inside a transaction (the replica's turn),
/// idle — and the most lock requests not granted at once (<c>pg_locks</c>).
/// </summary>
internal static class WaitSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const string Sample = """
        SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'running') ELSE state END, count(*)::int,
               (SELECT count(*)::int FROM pg_locks WHERE NOT granted)
        FROM pg_stat_activity WHERE datname = 'dedup_benchmark' AND backend_type = 'client backend' GROUP BY 1
        """;

    /// <summary>Samples until <paramref name="stop"/>; returns the summary.</summary>
    public static async Task<string> SampleAsync(string connectionString, CancellationToken stop)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var samples = 0;
        var mostNotGranted = 0;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(Sample, connection);
        await command.PrepareAsync(CancellationToken.None);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    var state = reader.GetString(0);
                    counts[state] = counts.GetValueOrDefault(state) + reader.GetInt32(1);
                    mostNotGranted = Math.Max(mostNotGranted, reader.GetInt32(2));
                }

                samples++;
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }

        var states = counts.OrderByDescending(state => state.Value)
            .Select(state => string.Create(CultureInfo.InvariantCulture, $"{state.Key} {(double)state.Value / Math.Max(samples, 1):F2}"));
        return $"per sample ({samples} samples): {string.Join(", ", states)}; lock requests not granted at most {mostNotGranted}";
    }
}
