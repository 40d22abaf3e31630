using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Formatting.Compact;

namespace NewsIngest.ServiceDefaults;

public static class LoggingExtensions
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Service}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for every log line of the process: human console by default, compact JSON when
    /// <c>Logs:Format</c> is <c>json</c>; levels from the <c>Serilog</c> section; every event carries <c>Service</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSerilogDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        var json = string.Equals(builder.Configuration["Logs:Format"], "json", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddSerilog(config => Configure(config, builder.Configuration, serviceName, json));
        return builder;
    }

    /// <summary>A console logger for the time before the host is built (and for start-up failures).</summary>
    public static void CreateBootstrapLogger(string serviceName, IConfiguration? configuration = null)
    {
        var json = string.Equals(configuration?["Logs:Format"] ?? Environment.GetEnvironmentVariable("Logs__Format"), "json", StringComparison.OrdinalIgnoreCase);
        var config = new LoggerConfiguration().Enrich.WithProperty("Service", serviceName);
        Log.Logger = (json ? config.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose) : config.WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose))
            .CreateBootstrapLogger();
    }

    private static void Configure(LoggerConfiguration config, IConfiguration configuration, string serviceName, bool json)
    {
        config.ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", serviceName)
            .Filter.ByExcluding(Reliability.ReplacedFaultEvents.IsReplaced);
        // Logs go to stderr so that commands printing results on stdout (the CLI) stay machine-readable.
        if (json)
        {
            config.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose);
        }
        else
        {
            config.WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose);
        }
    }
}
