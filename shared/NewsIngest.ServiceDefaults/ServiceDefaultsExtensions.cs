using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsIngest.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Serilog, telemetry, health checks, the start-up and summary log lines, and a non-zero exit code after a fault: the one call every service makes first.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        builder.Services.AddHostedService<FaultedServiceMonitor>(); // first registered, last stopped
        builder.AddSerilogDefaults(serviceName);
        builder.AddTelemetryDefaults(serviceName);
        builder.AddHealthDefaults();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddHostedService(sp => new StartupLogger(serviceName, sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILogger<StartupLogger>>()));
        builder.Services.AddHostedService<SummaryLogger>();
        return builder;
    }
}
