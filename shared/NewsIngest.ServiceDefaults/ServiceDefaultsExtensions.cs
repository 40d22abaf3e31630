using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsIngest.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Serilog, health checks and a non-zero exit code after a fault: the one call every service makes first.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        builder.Services.AddHostedService<FaultedServiceMonitor>(); // first registered, last stopped
        builder.AddSerilogDefaults(serviceName);
        builder.AddHealthDefaults();
        return builder;
    }
}
