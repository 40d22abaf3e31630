using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsIngest.ServiceDefaults;

/// <summary>One INFO line when the service starts: its name, version, environment and effective settings (secrets redacted).</summary>
public sealed class StartupLogger(string serviceName, IConfiguration configuration, IHostEnvironment environment, ILogger<StartupLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Starting {Service} {ServiceVersion} ({Environment}, .NET {RuntimeVersion}) with settings {@Settings}",
            serviceName, ServiceVersion.Current, environment.EnvironmentName, Environment.Version, EffectiveConfiguration.Of(configuration));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
