using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>Every <see cref="MessagingOptions.ClaimCheckSweepInterval"/>: deletes bodies and release marks past their expiry.</summary>
internal sealed class ClaimCheckSweeper(
    IClaimCheckRepository claimChecks,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<ClaimCheckSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClaimCheckSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var swept = await claimChecks.SweepAsync(clock.GetUtcNow(), stoppingToken);
                if (swept > 0)
                {
                    logger.LogInformation("Deleted {ClaimCheckCount} expired claim checks", swept);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The store is away or a file is busy: the next sweep catches up.
                logger.LogWarning("Claim-check sweep failed; tried again in {SweepInterval}: {Reason}", options.Value.ClaimCheckSweepInterval, ex.Message);
            }
        }
    }
}
