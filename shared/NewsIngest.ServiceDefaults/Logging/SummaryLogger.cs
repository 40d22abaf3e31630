using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// One INFO line per interval (<c>Logs:SummaryInterval</c>, default a minute) with the items the service took in, put
/// out and failed on in that interval and since start: a heartbeat an operator can read without a dashboard.
/// </summary>
public sealed class SummaryLogger(IConfiguration configuration, TimeProvider clock, ILogger<SummaryLogger> logger) : BackgroundService
{
    public const string IntervalKey = "Logs:SummaryInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue<TimeSpan?>(IntervalKey) ?? TimeSpan.FromMinutes(1);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        var previous = StageCounters.Read();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = StageCounters.Read();
                var last = now.Since(previous);
                logger.LogInformation(
                    "Summary of the last {SummaryInterval}: {ItemsIn} in, {ItemsOut} out, {Errors} errors ({TotalIn} in, {TotalOut} out, {TotalErrors} errors since start)",
                    interval, last.In, last.Out, last.Errors, now.In, now.Out, now.Errors);
                previous = now;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
