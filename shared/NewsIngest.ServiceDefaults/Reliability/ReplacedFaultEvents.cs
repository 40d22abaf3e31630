using Serilog.Events;

namespace NewsIngest.ServiceDefaults.Reliability;

/// <summary>
/// MassTransit's own <c>R-FAULT</c> events (a message given up on) and <c>R-RETRY</c> events (every retry), each with the
/// whole exception and stack trace. They are replaced by short lines that name the queue and the reason: one when a
/// message is given up on (<see cref="ConsumeFaultLogger"/>, <see cref="ReceiveFaultLogger"/>), one when a consumer
/// starts and stops waiting for a dependency (<see cref="ConsumerOutages"/>). Only these events are dropped; every other
/// MassTransit event stays.
/// </summary>
public static class ReplacedFaultEvents
{
    public static bool IsReplaced(LogEvent logEvent) =>
        logEvent.MessageTemplate.Text.StartsWith("R-FAULT ", StringComparison.Ordinal)
        || logEvent.MessageTemplate.Text.StartsWith("R-RETRY ", StringComparison.Ordinal);
}
