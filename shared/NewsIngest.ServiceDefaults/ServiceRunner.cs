using Microsoft.Extensions.Options;
using Serilog;

namespace NewsIngest.ServiceDefaults;

public static class ServiceRunner
{
    /// <summary>
    /// Runs a service's host with a bootstrap logger; a configuration error ends start-up with one FATAL
    /// line naming the setting and exit code 2; an escaping exception exits with 1, a background service that
    /// stopped the host with a fault with 3 (see <see cref="FaultedServiceMonitor"/>); a clean stop with 0.
    /// </summary>
    public static async Task<int> RunAsync(string serviceName, Func<Task> run)
    {
        LoggingExtensions.CreateBootstrapLogger(serviceName);
        try
        {
            await run();
            return Environment.ExitCode;
        }
        catch (OptionsValidationException ex)
        {
            Log.Fatal("Configuration is invalid: {ConfigurationErrors}", string.Join("; ", ex.Failures));
            return 2;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Fatal(ex, "{Service} stopped unexpectedly", serviceName);
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
