using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsIngest.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Serilog, health checks and the service's identity: the one call every service makes first.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        builder.AddSerilogDefaults(serviceName);
        builder.AddHealthDefaults();
        return builder;
    }
}
