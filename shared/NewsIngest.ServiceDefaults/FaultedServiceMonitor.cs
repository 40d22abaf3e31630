using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// Registered before every other hosted service, so it stops last: when a background service ended in a fault
/// (which stops the host, <see cref="BackgroundServiceExceptionBehavior.StopHost"/>), it sets a non-zero process exit
/// code so a restart-on-failure policy restarts the service. <see cref="ServiceRunner"/> returns that code.
/// </summary>
internal sealed class FaultedServiceMonitor(IServiceProvider services, ILogger<FaultedServiceMonitor> logger) : IHostedService
{
    public const int FaultExitCode = 3;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var service in services.GetServices<IHostedService>().OfType<BackgroundService>())
        {
            if (service.ExecuteTask is { IsFaulted: true } task)
            {
                logger.LogCritical(
                    task.Exception?.GetBaseException(),
                    "Background service {BackgroundService} stopped the host after a fault; exiting with code {ExitCode}",
                    service.GetType().Name,
                    FaultExitCode);
                Environment.ExitCode = FaultExitCode;
            }
        }

        return Task.CompletedTask;
    }
}
