using System.Diagnostics.Metrics;
using MassTransit;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// Counts messages that failed for good (retries spent, on their way to an <c>_error</c> queue) by message type
/// (<c>newsingest.consume.faults</c>), and adds them to the service's summary line.
/// </summary>
public sealed class ConsumeFaultMetrics : IConsumeObserver
{
    private static readonly Meter Meter = new(TelemetryNames.Prefix + "Messaging", ServiceVersion.Current);

    private static readonly Counter<long> Faults = Meter.CreateCounter<long>(
        "newsingest.consume.faults", "{message}", "Messages whose consumer failed after every retry (they go to the _error queue), by message type");

    /// <summary>The counter at 0 (see <see cref="CounterBaseline"/>).</summary>
    public static void RecordBaseline() => Faults.Add(0);

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        Faults.Add(1, new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        StageCounters.Error();
        return Task.CompletedTask;
    }
}
