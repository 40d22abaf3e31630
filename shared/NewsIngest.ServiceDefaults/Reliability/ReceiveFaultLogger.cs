using MassTransit;
using Microsoft.Extensions.Logging;

namespace NewsIngest.ServiceDefaults.Reliability;

/// <summary>
/// One ERROR line when a message cannot even be read (malformed JSON, an unknown envelope, a transport fault) and
/// goes to the endpoint's <c>_error</c> queue: the queue and a short reason, never the message's values.
/// </summary>
public sealed class ReceiveFaultLogger(ILogger<ReceiveFaultLogger> logger) : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        logger.LogError(
            "Message {MessageId} on {Endpoint} could not be read and goes to the error queue: {Reason}",
            context.GetMessageId()?.ToString() ?? "(none)", EndpointNames.Of(context.InputAddress), FaultReason.Of(exception));
        return Task.CompletedTask;
    }
}
