using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsIngest.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Serilog and health checks: the one call every service makes first.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.AddSerilogDefaults(serviceName);
        builder.AddHealthDefaults();
        return builder;
    }
}
