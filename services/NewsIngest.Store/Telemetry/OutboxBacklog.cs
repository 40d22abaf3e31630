using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using NewsIngest.Data;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Telemetry;

/// <summary>
/// Samples the outbox every <see cref="StoreHealthOptions.OutboxSampleInterval"/>: records and sightings not yet
/// published and the age of the oldest, for the gauges and the readiness check (a query, not a count kept in memory,
/// so every replica sees the shared backlog).
/// </summary>
public sealed class OutboxBacklog(SqlDialect dialect, IOptions<StoreHealthOptions> options, TimeProvider clock, ILogger<OutboxBacklog> logger) : BackgroundService
{
    /// <summary>The last sample (all zero until the first).</summary>
    public static OutboxSample Latest { get; private set; } = new(0, TimeSpan.Zero, DateTimeOffset.MinValue);

    public async Task<OutboxSample> SampleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        var (records, oldestRecord) = await PendingAsync(connection, "SELECT COUNT(*), MIN(stored_at) FROM article_outbox", cancellationToken);
        var (sightings, oldestSighting) = await PendingAsync(connection, $"SELECT COUNT(*), MIN(seen_at) FROM sightings WHERE published_to_topic = {dialect.False}", cancellationToken);
        var now = clock.GetUtcNow();
        var oldest = new[] { oldestRecord, oldestSighting }.Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty(now).Min();
        var sample = new OutboxSample(records + sightings, now > oldest ? now - oldest : TimeSpan.Zero, now);
        Latest = sample;
        return sample;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxSampleInterval, clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
            {
                // The database check reports the outage; the gauges keep the last sample.
                logger.LogDebug(ex, "Sampling the outbox failed: {Reason}", ex.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<(long Count, DateTimeOffset? Oldest)> PendingAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        var oldest = reader.GetValue(1) switch
        {
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            DateTimeOffset time => time,
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
            _ => (DateTimeOffset?)null,
        };
        return (count, oldest);
    }
}

/// <summary>One look at the outbox.</summary>
public sealed record OutboxSample(long Pending, TimeSpan OldestAge, DateTimeOffset SampledAt);
